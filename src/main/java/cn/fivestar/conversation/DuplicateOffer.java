package cn.fivestar.conversation;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.conversation.DialogState.Draft;
import cn.fivestar.conversation.DialogState.Step;
import java.util.List;

/**
 * Offers to follow an open case at the same place about the same problem instead of filing it again. Someone
 * else's case is shown only as number, category, status and street-level place ({@link CaseViews#publicLine}).
 */
final class DuplicateOffer {
  static final String DUP_NEW = "dup:new";
  static final String DUP_FOLLOW = "dup:follow:";

  private final CaseService cases;
  private final Intake intake;

  DuplicateOffer(CaseService cases, Intake intake) {
    this.cases = cases;
    this.intake = intake;
  }

  /** "行 那我就跟着那个单子吧", "一起关注", "不用重新报了": the person will follow the existing case. */
  static boolean followsExisting(String text) {
    String a = MessageText.answer(text);
    return a.matches(".*(跟着|关注|一起|同一件|就是那个|不用重新|不用再报|不重复|那个单子).*");
  }

  /** "嗯 这个也交吧", "这是另一个事 分开报": a matter of its own, to file anyway. */
  static boolean filesAnew(String text) {
    String a = MessageText.answer(text);
    return a.contains("新建") || a.matches(".*(也交|也报|也提交|也登记|也记上|单独(?:报|记|登记|交)|分开(?:报|记|登记|交)|另外(?:报|记|登记)|两码事|两回事|不是一回事|另一个事|另一件).*");
  }

  void offer(Turn t, Draft d, CaseRecord same) {
    t.state = t.state.withDraft(Step.DUPLICATE, d);
    boolean own = CaseViews.isReporter(same, t.channel, t.userId);
    String text = own ? IntakeTexts.sameAsOwn(CaseViews.lineFor(same, t.channel, t.userId))
        : IntakeTexts.reportedByOthers(CaseViews.publicLine(same));
    t.say(text, buttons(own ? IntakeTexts.BUTTON_SAME_CASE : IntakeTexts.BUTTON_FOLLOW, same.id()));
  }

  /** Asks again whether it is the same matter. */
  void ask(Turn t, Draft d) {
    String id = d.duplicateIds().get(0);
    t.say(IntakeTexts.sameCase(id), buttons(IntakeTexts.BUTTON_FOLLOW, id));
  }

  private static List<List<Button>> buttons(String follow, String id) {
    return List.of(List.of(new Button(follow, DUP_FOLLOW + id), new Button(IntakeTexts.BUTTON_NEW_CASE, DUP_NEW)));
  }

  /** The answer in words: 新建 files it anyway, yes follows the first similar case, anything else asks again. */
  void answer(Turn t, Draft d, String text) {
    if (MessageText.isNo(text) || filesAnew(text)) {
      intake.summary(t, d);
    } else if (MessageText.isAccept(text) || followsExisting(text)) {
      follow(t, d.duplicateIds().get(0));
    } else {
      intake.prompt(t, d);
    }
  }

  /** The 一起关注 / 不是，新建 buttons; false when the button is not one of this offer's. */
  boolean press(Turn t, Draft d, String data) {
    if (data.equals(DUP_NEW)) {
      intake.summary(t, d);
      return true;
    }
    if (data.startsWith(DUP_FOLLOW)) {
      String id = data.substring(DUP_FOLLOW.length());
      if (!d.duplicateIds().contains(id)) return false;
      follow(t, id);
      return true;
    }
    return false;
  }

  private void follow(Turn t, String id) {
    CaseRecord r = cases.follow(id, t.channel, t.userId, t.chatId);
    t.state = t.state.reset();
    t.say(IntakeTexts.following(r));
  }
}
