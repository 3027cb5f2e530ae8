package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateMapperTest {
  final FakeBotApi api = newApi();
  final UpdateMapper mapper = new UpdateMapper("fivestar_test_bot", BotHarness.roles());
  final ObjectMapper json = new ObjectMapper();

  static FakeBotApi newApi() {
    try {
      return new FakeBotApi();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    api.close();
  }

  Update update(ObjectNode node) {
    node.put("update_id", 1);
    return json.convertValue(node, Update.class);
  }

  Inbound inbound(ObjectNode node) {
    return assertInstanceOf(UpdateMapper.ToEngine.class, mapper.map(update(node))).inbound();
  }

  @Test
  void privateTextCarriesChatUserNameAndRole() {
    Inbound in = inbound(api.text(900, "李网格员", "今天有几件新案件？"));
    assertEquals(new Inbound("telegram", "900", "900", "李网格员", Role.STAFF, "今天有几件新案件？", null, List.of()), in);
    assertEquals(Role.RESIDENT, inbound(api.text(5, "王阿姨", "你好")).role());
  }

  @Test
  void commandsLoseTheBotNameSuffix() {
    assertEquals("/start abc", inbound(api.text(5, "王阿姨", "/start@fivestar_test_bot abc")).text());
  }

  @Test
  void groupMessagesCountOnlyWhenAddressedToTheBot() {
    assertEquals("小区停车怎么办", mapper.addressedText("@fivestar_test_bot 小区停车怎么办"));
    assertEquals("请问 路灯归谁管", mapper.addressedText("请问 @FiveStar_Test_Bot 路灯归谁管"));
    assertEquals("/help", mapper.addressedText("/help"));
    assertEquals("/help", mapper.addressedText("/help@fivestar_test_bot"));
    assertNull(mapper.addressedText("/help@someone_else_bot"));
    assertNull(mapper.addressedText("大家好"));
    assertNull(mapper.addressedText("@fivestar_test_bot_fan 你好"), "a longer name is someone else");
    assertInstanceOf(UpdateMapper.Ignore.class, mapper.map(update(api.groupText(-100, 900, "李", "收到"))));
  }

  @Test
  void photosUseTheLargestSize() {
    Inbound in = inbound(api.photo(5, "王阿姨", "BIG", null));
    assertEquals(List.of("BIG"), in.photoIds());
    assertEquals("", in.text());
  }

  @Test
  void callbacksBelongToTheChatOfTheirMessage() {
    ObjectNode q = json.createObjectNode();
    q.put("id", "cb").put("chat_instance", "x").put("data", "take:5");
    q.set("from", api.user(900, "李网格员"));
    q.putObject("message").put("message_id", 3).put("date", 0).putObject("chat").put("id", -100).put("type", "group");
    ObjectNode u = json.createObjectNode();
    u.set("callback_query", q);
    Inbound in = inbound(u);
    assertEquals("-100", in.chatId());
    assertEquals("900", in.userId());
    assertEquals("take:5", in.callbackData());
    assertEquals(Role.STAFF, in.role());
    assertEquals("-100", UpdateMapper.chatKey(update(u)));
  }

  @Test
  void editsAndStickersAreNotForTheEngine() {
    ObjectNode edit = api.text(5, "王阿姨", "改过的");
    edit.set("edited_message", edit.remove("message"));
    assertInstanceOf(UpdateMapper.Ignore.class, mapper.map(update(edit)));
    UpdateMapper.Reply r = assertInstanceOf(UpdateMapper.Reply.class, mapper.map(update(api.sticker(5, "王阿姨"))));
    assertEquals(UpdateMapper.UNSUPPORTED, r.text());
  }
}
