package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Bot API answers as minimal servers and emulators send them, repaired so telegrambots' strict types accept them.
 * Each case failed before the repair (deserialization error, or a NullPointerException inside the client).
 */
class BotApiJsonTest {

  /** What telegrambots makes of an answer once it has been repaired (as the interceptor does on every call). */
  private static <T extends java.io.Serializable> T read(
      org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod<T> method, int status,
      String body) throws TelegramApiRequestException {
    String repaired = BotApiJson.repair(method.getMethod(), status, body);
    return method.deserializeResponse(repaired == null ? body : repaired);
  }

  @Test
  void getMeWithoutIsBotIsTheBotItself() throws Exception {
    String body = "{\"ok\":true,\"result\":{\"username\":\"TestNameBot\",\"first_name\":\"Test\",\"id\":666}}";
    assertThrows(TelegramApiRequestException.class, () -> new GetMe().deserializeResponse(body), "strict");
    User me = read(new GetMe(), 200, body);
    assertEquals("TestNameBot", me.getUserName());
    assertEquals(666L, me.getId());
    assertTrue(me.getIsBot());
  }

  @Test
  void extraFieldsAreIgnoredAndAWellFormedAnswerIsLeftAlone() throws Exception {
    String body = "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"x\",\"username\":\"b\","
        + "\"brand_new_field\":{\"a\":[1,2]}},\"extra\":1}";
    assertNull(BotApiJson.repair("getMe", 200, body), "nothing to repair");
    assertEquals("b", read(new GetMe(), 200, body).getUserName());
  }

  @Test
  void millisecondDatesBecomeSecondsAndMissingOrOddDatesAreTolerated() throws Exception {
    long ms = 1_795_774_786_344L;
    String update = "{\"update_id\":7,\"message\":{\"botToken\":\"1:a\",\"message_id\":3,\"date\":" + ms + ","
        + "\"edit_date\":\"" + ms + "\",\"text\":\"hi\",\"from\":{\"id\":5,\"first_name\":\"A\"},"
        + "\"chat\":{\"id\":5,\"type\":\"private\"}}}";
    String noDate = "{\"update_id\":8,\"message\":{\"message_id\":4,\"text\":\"hi\",\"from\":{\"id\":5,"
        + "\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":5}}}";
    String oddDate = "{\"update_id\":9,\"message\":{\"message_id\":5,\"date\":\"yesterday\",\"text\":\"hi\","
        + "\"from\":{\"id\":-1,\"username\":\"anon\"},\"chat\":{\"id\":-100123,\"type\":\"supergroup\"}}}";
    ArrayList<Update> updates = read(new GetUpdates(), 200,
        "{\"ok\":true,\"result\":[" + update + "," + noDate + "," + oddDate + "]}");
    assertEquals(3, updates.size());
    Message first = updates.get(0).getMessage();
    assertEquals((int) (ms / 1000), first.getDate());
    assertEquals((int) (ms / 1000), first.getEditDate());
    assertFalse(first.getFrom().getIsBot(), "a user without is_bot is a person");
    assertNull(updates.get(1).getMessage().getDate());
    assertEquals("private", updates.get(1).getMessage().getChat().getType(), "chat type from the id");
    assertNull(updates.get(2).getMessage().getDate());
    assertEquals("", updates.get(2).getMessage().getFrom().getFirstName());
    assertEquals("anon", UpdateMapper.displayName(updates.get(2).getMessage().getFrom()));
  }

  @Test
  void microsecondDatesAndSecondsStayRight() {
    assertTrue(BotApiJson.repair("sendMessage", 200, "{\"ok\":true,\"result\":{\"message_id\":1,"
        + "\"date\":1795774786344123,\"chat\":{\"id\":1,\"type\":\"private\"}}}").contains("\"date\":1795774786"));
    assertNull(BotApiJson.repair("sendMessage", 200, "{\"ok\":true,\"result\":{\"message_id\":1,"
        + "\"date\":1795774786,\"chat\":{\"id\":1,\"type\":\"private\"}}}"));
    assertTrue(BotApiJson.repair("getUpdates", 200, "{\"ok\":true,\"result\":[{\"update_id\":1,\"callback_query\":"
        + "{\"id\":\"1\",\"from\":{\"id\":2,\"first_name\":\"a\",\"is_bot\":false},\"message\":{\"message_id\":1,"
        + "\"date\":0,\"chat\":{\"id\":2,\"type\":\"private\"}}}}]}") == null, "0 marks an inaccessible message");
  }

  @Test
  void aSentMessageEchoedInMillisecondsIsAccepted() throws Exception {
    // telegram-test-api's sendMessage: the request echoed, no "from", the date in milliseconds.
    String body = "{\"ok\":true,\"result\":{\"chat_id\":\"5\",\"text\":\"answer\",\"message_id\":2,"
        + "\"date\":1795774786344,\"chat\":{\"id\":5,\"first_name\":\"Bot\",\"type\":\"private\"}}}";
    Message m = read(SendMessage.builder().chatId("5").text("answer").build(), 200, body);
    assertEquals(2, m.getMessageId());
    assertEquals(1_795_774_786, m.getDate());
  }

  @Test
  void nullResultsOfBooleanMethodsAreFine() throws Exception {
    assertNull(read(AnswerCallbackQuery.builder().callbackQueryId("1").build(), 200, "{\"ok\":true,\"result\":null}"));
    assertNull(read(AnswerCallbackQuery.builder().callbackQueryId("1").build(), 200, "{\"ok\":true}"));
  }

  @Test
  void jsonThatIsNotABotApiAnswerBecomesAnErrorWithTheHttpStatus() {
    String body = "{\"message\":\"API method 'setmycommands' is not supported. Are you sure you're using Telegram "
        + "Bot API correctly?\"}";
    TelegramApiRequestException e = assertThrows(TelegramApiRequestException.class,
        () -> read(new GetMe(), 500, body));
    assertEquals(500, e.getErrorCode());
    assertTrue(e.getApiResponse().contains("is not supported"), e.getApiResponse());
    assertEquals(ApiFailure.Kind.UNSUPPORTED, ApiFailure.of("setMyCommands", e).kind());

    TelegramApiRequestException route = assertThrows(TelegramApiRequestException.class,
        () -> read(new GetMe(), 200, "{\"status\":\"up\"}"));
    assertEquals(502, route.getErrorCode());
    assertEquals(ApiFailure.Kind.TRANSIENT, ApiFailure.of("getMe", route).kind());

    TelegramApiRequestException noCode = assertThrows(TelegramApiRequestException.class,
        () -> read(new GetMe(), 401, "{\"ok\":false,\"description\":\"Unauthorized\"}"));
    assertEquals(401, noCode.getErrorCode());
  }

  @Test
  void anUpdateThatStillCannotBeReadIsCutToItsIdAndTheBatchGoesThrough() throws Exception {
    String good = "{\"update_id\":10,\"message\":{\"message_id\":1,\"date\":1,\"text\":\"hi\","
        + "\"from\":{\"id\":5,\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":5,\"type\":\"private\"}}}";
    String userWithoutId = "{\"update_id\":11,\"message\":{\"message_id\":2,\"text\":\"x\","
        + "\"from\":{\"first_name\":\"B\"},\"chat\":{\"id\":6,\"type\":\"private\"}}}";
    String chatWithoutId = "{\"update_id\":12,\"message\":{\"message_id\":3,\"text\":\"x\","
        + "\"from\":{\"id\":7,\"first_name\":\"C\"},\"chat\":{\"type\":\"private\"}}}";
    String noChat = "{\"update_id\":13,\"message\":{\"message_id\":4,\"text\":\"x\","
        + "\"from\":{\"id\":8,\"first_name\":\"D\"}}}";
    String noId = "{\"message\":{\"message_id\":5,\"text\":\"x\"}}";
    ArrayList<Update> updates = read(new GetUpdates(), 200, "{\"ok\":true,\"result\":[" + good + ","
        + userWithoutId + "," + chatWithoutId + "," + noChat + "," + noId + "]}");
    assertEquals(4, updates.size(), "the one without an update id is dropped");
    assertEquals("hi", updates.get(0).getMessage().getText());
    assertNull(updates.get(1).getMessage(), "cut down to its id");
    assertNull(updates.get(2).getMessage());
    assertEquals(13, updates.get(3).getUpdateId());

    // None of them can stall polling: each has an order key and is ignored.
    UpdateMapper mapper = new UpdateMapper("bot", BotHarness.roles());
    for (Update u : updates.subList(1, 4)) {
      assertEquals("update-" + u.getUpdateId(), UpdateMapper.chatKey(u));
      assertTrue(mapper.map(u) instanceof UpdateMapper.Ignore, u.toString());
    }
  }

  @Test
  void anHtmlPageIsLeftForTheClientToCallGarbled() {
    assertNull(BotApiJson.repair("getMe", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));
    assertNull(BotApiJson.repair("getMe", 200, "[1,2]"));
  }

  @Test
  void aWebhookUpdateIsReadLeniently() throws Exception {
    Update u = BotApiJson.readUpdate("{\"update_id\":3,\"unknown\":true,\"message\":{\"message_id\":1,"
        + "\"date\":1795774786344,\"text\":\"hi\",\"from\":{\"id\":5,\"first_name\":\"A\"},\"chat\":{\"id\":5}}}");
    assertEquals(3, u.getUpdateId());
    assertEquals(1_795_774_786, u.getMessage().getDate());
  }
}
