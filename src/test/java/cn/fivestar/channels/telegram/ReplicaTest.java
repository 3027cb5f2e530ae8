package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve --webhook} replicas on one PostgreSQL store: updates of several chats posted alternately to both
 * are each handled once, in order per chat, every reply and staff notice is sent once, tracking numbers are unique
 * and the dialog state (kept in the store) is seen consistently by both; a replica killed mid-stream loses nothing,
 * the other takes its chats over once their leases run out.
 */
class ReplicaTest {
  static final String SECRET = "replica-Secret_1";
  /** An odd number of chats, so posting alternately sends each chat's messages to both replicas in turn. */
  static final long[] CHATS = {7001, 7002, 7003, 7004, 7005};

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  final List<String> handled = new CopyOnWriteArrayList<>(); // "chat:text", in the order handled, both replicas
  final List<String> inconsistent = new CopyOnWriteArrayList<>();
  final List<String> numbers = new CopyOnWriteArrayList<>();
  final java.util.Map<Integer, Integer> handledBy = new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of(0, 0, 1, 0));
  final List<AutoCloseable> toClose = new ArrayList<>();
  FakeBotApi api;
  int nextUpdate = 5000;

  /** One replica: its own pool, engine, case service and bot, as a separate process would have. */
  final class Replica {
    final Database db;
    final CaseService cases;
    final TelegramBot bot;
    final int port;
    final int index;
    volatile long slowMillis;

    Replica(int index, Database db) {
      this.index = index;
      this.db = db;
      this.cases = new CaseService(db, Taxonomy.defaults(), WorkCalendar.defaults(), Clock.systemUTC());
      this.bot = new TelegramBot(BotHarness.testSettings(api), db, BotHarness.roles(), Clock.systemUTC(),
          RateLimiter.Sleeper.SYSTEM).leaseFor(Duration.ofSeconds(1));
      bot.useBacklog(new ChannelBacklog(db, Clock.systemUTC())); // what a dying replica could not send waits there
      WebhookSettings hook = new WebhookSettings(URI.create("https://bot.example.org/tg"),
          new InetSocketAddress("127.0.0.1", 0), SECRET);
      this.port = bot.startWebhook(new Engine(this, bot.notifier()), hook);
      toClose.add(bot);
      toClose.add(cases);
    }
  }

  /**
   * Each message opens a case (a tracking number), notifies staff, and moves the chat's step, kept in the shared
   * store, from n-1 to n: a message handled out of order or twice shows as an inconsistent step.
   */
  final class Engine implements ConversationEngine {
    final Replica replica;
    final Notifier notifier;

    Engine(Replica replica, Notifier notifier) {
      this.replica = replica;
      this.notifier = notifier;
    }

    @Override
    public List<Outbound> handle(Inbound in) {
      handled.add(in.chatId() + ":" + in.text());
      handledBy.merge(replica.index, 1, Integer::sum);
      sleep(replica.slowMillis);
      int n = Integer.parseInt(in.text().substring(in.text().lastIndexOf('-') + 1));
      replica.db.write(c -> {
        int step = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT step FROM test_dialog WHERE chat_id = ?")) {
          st.setString(1, in.chatId());
          try (ResultSet rs = st.executeQuery()) {
            if (rs.next()) step = rs.getInt(1);
          }
        }
        if (step != n - 1) inconsistent.add(in.chatId() + ": step " + step + " before message " + n);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO test_dialog (chat_id, step) VALUES (?, ?)"
            + " ON CONFLICT (chat_id) DO UPDATE SET step = excluded.step")) {
          st.setString(1, in.chatId());
          st.setInt(2, n);
          return st.executeUpdate();
        }
      });
      CaseRecord made = replica.cases.create(new NewCase("telegram", in.userId(), in.chatId(), in.displayName(),
          null, "楼道灯坏了 " + in.text(), "3号楼", null, CaseKind.HELP, List.of()));
      numbers.add(made.id());
      notifier.toStaff(Outbound.text("新案件 " + made.id() + " " + in.text()));
      return List.of(Outbound.text("收到：" + in.text()));
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) toClose.get(i).close();
    if (api != null) api.close();
  }

  Replica[] start() throws Exception {
    assumeTrue(TestDatabases.postgres(), "replicas share a PostgreSQL store");
    api = new FakeBotApi();
    Database first = TestDatabases.open(dir);
    Database second = TestDatabases.openSeparate(dir);
    toClose.add(second);
    first.write(c -> {
      try (Statement s = c.createStatement()) {
        return s.execute("CREATE TABLE test_dialog (chat_id TEXT PRIMARY KEY, step INTEGER NOT NULL)");
      }
    });
    return new Replica[] {new Replica(0, first), new Replica(1, second)};
  }

  void post(Replica r, long chat, String text) throws Exception {
    ObjectNode u = api.text(chat, "居民" + chat, text);
    u.put("update_id", nextUpdate++);
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port + "/tg"))
        .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(u))).build();
    assertEquals(200, http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode(), "recorded");
  }

  static String text(long chat, int n) {
    return "c" + chat + "-" + n;
  }

  /** Posts messages 1..perChat of every chat, round-robin over chats, alternately to the replicas given. */
  void postAll(int from, int to, Replica... targets) throws Exception {
    int i = 0;
    for (int n = from; n <= to; n++) {
      for (long chat : CHATS) post(targets[i++ % targets.length], chat, text(chat, n));
    }
  }

  void awaitAllAnswered(int perChat) throws InterruptedException {
    await(() -> "handled " + handled + ", staff got " + api.textsTo(BotHarness.STAFF_GROUP), () -> {
      for (long chat : CHATS) {
        if (!api.textsTo(chat).contains("收到：" + text(chat, perChat))) return false;
      }
      return api.textsTo(BotHarness.STAFF_GROUP).size() >= CHATS.length * perChat;
    });
    Thread.sleep(300); // room for a duplicate to show up
  }

  void assertEachOnceInOrder(int perChat) {
    assertEquals(List.of(), inconsistent, "dialog state moved on in order, once per message");
    for (long chat : CHATS) {
      List<String> expectedHandled = new ArrayList<>();
      List<String> expectedReplies = new ArrayList<>();
      for (int n = 1; n <= perChat; n++) {
        expectedHandled.add(chat + ":" + text(chat, n));
        expectedReplies.add("收到：" + text(chat, n));
      }
      assertEquals(expectedHandled, handled.stream().filter(h -> h.startsWith(chat + ":")).toList(),
          "chat " + chat + ": each update handled once, in order");
      assertEquals(expectedReplies, api.textsTo(chat), "chat " + chat + ": each reply sent once, in order");
    }
    List<String> notices = api.textsTo(BotHarness.STAFF_GROUP);
    assertEquals(CHATS.length * perChat, notices.size(), "every notification sent once: " + notices);
    assertEquals(Set.copyOf(numbers), new HashSet<>(notices.stream().map(t -> t.split(" ")[1]).toList()));
    assertEquals(numbers.size(), Set.copyOf(numbers).size(), "tracking numbers unique: " + numbers);
    assertEquals(CHATS.length * perChat, numbers.size());
  }

  @Test
  void updatesPostedToEitherReplicaAreHandledOnceInOrderPerChat() throws Exception {
    Replica[] r = start();
    postAll(1, 6, r[0], r[1]);
    awaitAllAnswered(6);
    assertEachOnceInOrder(6);
    assertTrue(handledBy.get(0) > 0 && handledBy.get(1) > 0, "both replicas worked: " + handledBy);
    assertEquals(0, r[0].bot.retryQueueSize() + r[1].bot.retryQueueSize());
  }

  @Test
  void aKilledReplicasChatsAreFinishedByTheOtherOnceTheirLeasesRunOut() throws Exception {
    Replica[] r = start();
    postAll(1, 2, r[0], r[1]);
    awaitAllAnswered(2);
    r[0].slowMillis = 150; // the first replica falls behind, so it dies with updates recorded but not handled
    postAll(3, 5, r[0], r[1]);
    r[0].bot.kill();
    assertTrue(pending(r[1]) > 0, "the killed replica left updates behind (else this test proves nothing)");
    postAll(6, 7, r[1]); // Telegram (the proxy) now reaches only the survivor
    awaitAllAnswered(7);
    assertEachOnceInOrder(7);
    assertEquals(0, pending(r[1]), "nothing left pending");
  }

  static int pending(Replica r) {
    return r.db.read(c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM tg_update WHERE state = 'pending'")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  static void await(java.util.function.Supplier<String> state, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, () -> "timed out waiting; " + state.get());
      Thread.sleep(20);
    }
  }

  static void sleep(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
