package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Button;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small scripted conversation engine: a test double for the transport, so the Telegram channel can be tested
 * on its own. It records every message it is given (to check each update reaches it exactly once).
 */
final class ScriptedEngine implements ConversationEngine {
  static final List<List<String>> MENU = List.of(List.of("我要反映问题", "我要咨询"), List.of("查询进度", "五星知识"));

  final List<Inbound> received = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch slowStarted = new CountDownLatch(1);
  private final Map<String, String> state = new ConcurrentHashMap<>();
  private final Notifier notifier;

  ScriptedEngine(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public List<Outbound> handle(Inbound in) {
    received.add(in);
    String text = in.text();
    if (in.callbackData() != null) return callback(in);
    if (text.equals("/start")) {
      return List.of(new Outbound("您好，" + in.displayName() + "！我是五星社区助手，请选择：", List.of(), MENU));
    }
    if (text.equals("我要反映问题")) {
      state.put(in.chatId(), "describe");
      return List.of(Outbound.text("请描述您遇到的问题。"));
    }
    if ("describe".equals(state.get(in.chatId()))) {
      state.put(in.chatId(), "confirm:" + text);
      return List.of(Outbound.withButtons("您反映的是：" + text + "\n确认提交吗？",
          List.of(List.of(new Button("确认提交", "confirm"), new Button("取消", "cancel")))));
    }
    if (text.equals("长文")) {
      return List.of(Outbound.text(longText()));
    }
    if (text.equals("出错")) throw new IllegalStateException("engine failure for 13812345678");
    if (text.equals("慢")) {
      slowStarted.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of(Outbound.text("慢消息处理完了"));
    }
    String photos = in.photoIds().isEmpty() ? "" : " 照片:" + String.join(",", in.photoIds());
    return List.of(Outbound.text("收到：" + text + photos + " 角色:" + in.role()));
  }

  private List<Outbound> callback(Inbound in) {
    String data = in.callbackData();
    if (data.equals("confirm")) {
      String s = state.remove(in.chatId());
      String problem = s == null ? "" : s.substring("confirm:".length());
      notifier.toStaff(Outbound.withButtons("新案件 C-1：" + problem + "（居民 " + in.chatId() + "）",
          List.of(List.of(new Button("接单", "take:" + in.chatId())))));
      return List.of(Outbound.text("已受理，编号 C-1。我们会尽快处理。"));
    }
    if (data.equals("cancel")) {
      state.remove(in.chatId());
      return List.of(Outbound.text("已取消。"));
    }
    if (data.startsWith("take:")) {
      String resident = data.substring("take:".length());
      notifier.toChat(UpdateMapper.CHANNEL, resident, Outbound.text("您的问题已由工作人员" + in.displayName() + "接手办理。"));
      return List.of(Outbound.text(in.displayName() + " 已接单（角色 " + in.role() + "）"));
    }
    return List.of(Outbound.text("未知按钮"));
  }

  static String longText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; sb.length() < 9000; i++) {
      sb.append("第").append(i).append("条：社区网格员每天走访居民，及时发现并解决群众的急难愁盼问题。");
      if (i % 10 == 0) sb.append('\n');
    }
    return sb.toString();
  }
}
