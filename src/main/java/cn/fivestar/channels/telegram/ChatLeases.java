package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat leases of replicas sharing one store ({@code tg_lease}): a replica handles a chat's updates only while it
 * holds the chat's lease. A lease is taken (or renewed by its holder) in a write transaction with an expiry; one
 * that expired, because its holder died or stalled, is taken over by the next replica that asks. Leases held by this
 * replica are remembered so a timer can renew them while their updates are worked on.
 */
final class ChatLeases {
  private final Database db;
  private final Clock clock;
  private final String holder;
  private final Duration length;
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  ChatLeases(Database database, Clock clock, String holder, Duration length) {
    this.db = database;
    this.clock = clock;
    this.holder = holder;
    this.length = length;
  }

  String holder() {
    return holder;
  }

  Duration length() {
    return length;
  }

  /** Takes the chat's lease, or extends it when this replica holds it already; false while another one holds it. */
  boolean acquire(String chatKey) {
    long now = clock.millis();
    boolean got = db.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO tg_lease (chat_key, holder, expires_at)"
          + " VALUES (?, ?, ?) ON CONFLICT (chat_key) DO UPDATE SET holder = excluded.holder,"
          + " expires_at = excluded.expires_at WHERE tg_lease.holder = excluded.holder OR tg_lease.expires_at < ?")) {
        st.setString(1, chatKey);
        st.setString(2, holder);
        st.setLong(3, now + length.toMillis());
        st.setLong(4, now);
        return st.executeUpdate() == 1;
      }
    });
    if (got) held.add(chatKey);
    else held.remove(chatKey);
    return got;
  }

  /** Gives the lease up (only when this replica still holds it). */
  void release(String chatKey) {
    held.remove(chatKey);
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM tg_lease WHERE chat_key = ? AND holder = ?")) {
        st.setString(1, chatKey);
        st.setString(2, holder);
        return st.executeUpdate();
      }
    });
  }

  /** Extends every lease this replica holds (called on a timer while it works). */
  void renewHeld() {
    long until = clock.millis() + length.toMillis();
    for (String chat : List.copyOf(held)) {
      // only an update: a lease released meanwhile must not come back
      db.write(c -> {
        try (PreparedStatement st = c.prepareStatement(
            "UPDATE tg_lease SET expires_at = ? WHERE chat_key = ? AND holder = ?")) {
          st.setLong(1, until);
          st.setString(2, chat);
          st.setString(3, holder);
          return st.executeUpdate();
        }
      });
    }
  }

  /** Chats with pending updates that nobody holds a live lease on (their holder died, or nobody took them yet). */
  List<String> orphaned() {
    long now = clock.millis();
    return db.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT u.chat_key FROM tg_update u"
          + " LEFT JOIN tg_lease l ON l.chat_key = u.chat_key WHERE u.state = 'pending'"
          + " AND (l.chat_key IS NULL OR l.expires_at < ?)")) {
        st.setLong(1, now);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(rs.getString(1));
        }
      }
      return out;
    });
  }
}
