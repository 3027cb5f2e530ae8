package cn.fivestar.conversation;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Citation;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.infra.UserException;
import cn.fivestar.cases.CaseListener;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.conversation.DialogState.Step;
import cn.fivestar.conversation.intent.Classification;
import cn.fivestar.conversation.intent.IntentClassifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot brain behind every channel. For each message it restores that chat's dialog state from SQLite, decides
 * what the person wants (slash commands and keyboard buttons first, then a running intake or rating, then the intent
 * classifier), replies, and stores the new state. It also listens to the case store ({@link CaseNotices}) so staff
 * replies, closings and merges reach the residents concerned through the {@link Notifier}.
 *
 * <p>Every failure becomes a polite reply; a failed message leaves the stored state as it was. Messages of one chat
 * are handled one at a time.
 */
public final class DialogEngine implements ConversationEngine, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DialogEngine.class);
  private static final int STATUS_LIST_MAX = 5;
  private static final String LOG_YES = "log:yes";
  private static final String LOG_NO = "log:no";
  private static final String RATE = "rate:";
  private static final String SKIP = "skip";

  private final CaseService cases;
  private final Answerer answerer;
  private final IntentClassifier classifier;
  private final DialogStore store;
  private final Throttle throttle;
  private final Intake intake;
  private final Commands commands;
  private final ChatLocks locks = new ChatLocks();
  private final CaseListener listener;

  public DialogEngine(CaseService cases, Answerer answerer, IntentClassifier classifier, DialogStore store,
                      Notifier notifier, Throttle throttle) {
    this.cases = cases;
    this.answerer = answerer;
    this.classifier = classifier;
    this.store = store;
    this.throttle = throttle;
    this.intake = new Intake(cases, classifier);
    this.commands = new Commands(cases);
    this.listener = new CaseNotices(store, notifier, locks);
    cases.addListener(listener);
  }

  @Override
  public List<Outbound> handle(Inbound in) {
    return process(in).replies();
  }

  @Override
  public Handled process(Inbound in) {
    String channel = orElse(in.channel(), "unknown");
    String userId = orElse(in.userId(), orElse(in.chatId(), "unknown"));
    String chatId = orElse(in.chatId(), userId);
    switch (throttle.acquire(channel, userId)) {
      case DROP -> {
        return new Handled(List.of(), null, null);
      }
      case NOTICE -> {
        return new Handled(List.of(Outbound.text(Texts.THROTTLED)), HandledAs.CHITCHAT, null);
      }
      default -> { }
    }
    String text = MessageText.clean(in.text());
    int length = MessageText.length(text);
    if (length > MessageText.MAX_CHARS) return new Handled(List.of(Outbound.text(Texts.tooLong(length))), HandledAs.CHITCHAT, null);
    synchronized (lock(channel, chatId, userId)) {
      try {
        DialogState before = store.load(channel, chatId, userId);
        Turn t = new Turn(in, channel, chatId, userId, text, before);
        route(t);
        if (t.handledAs == null) t.handledAs = t.registered != null || t.state.inIntake() || before.inIntake() ? HandledAs.REPORT : HandledAs.CHITCHAT;
        if (!t.state.equals(before)) store.save(channel, chatId, userId, t.state);
        List<Outbound> out = t.refused ? t.out.stream().map(Outbound::asRefusal).toList() : List.copyOf(t.out);
        return new Handled(out, t.handledAs, t.registered);
      } catch (UserException e) {
        // Case store refusals carry a message meant for the person (bad phone, unknown id, illegal move…).
        return new Handled(List.of(failed(in, e.getMessage())), null, null);
      } catch (RuntimeException e) {
        log.error("message from {}:{} failed: {}", channel, PersonalData.mask(userId), e.toString(), e);
        return new Handled(List.of(failed(in, Texts.ERROR)), null, null);
      }
    }
  }

  /** A failed button press did nothing: its message keeps its buttons. */
  private static Outbound failed(Inbound in, String text) {
    boolean press = in.callbackData() != null && !in.callbackData().isBlank();
    return press ? Outbound.refusal(text) : Outbound.text(text);
  }

  private void route(Turn t) {
    String data = t.in.callbackData();
    if (data != null && !data.isBlank()) {
      callback(t, data.strip());
      return;
    }
    String text = t.text;
    if (text.isEmpty() && t.in.photoIds().isEmpty()) {
      t.say(Texts.EMPTY);
      return;
    }
    if (MessageText.isCancel(text)) {
      cancel(t);
      return;
    }
    if (text.startsWith("/")) {
      commands.handle(t);
      return;
    }
    String command = Keyboards.command(text, t.role());
    if (command != null) {
      commands.handle(t, command);
      return;
    }
    String action = Keyboards.action(text);
    if (action != null) {
      keyboard(t, action);
      return;
    }
    if (t.state.inIntake()) {
      intake.handle(t);
      return;
    }
    switch (t.state.step()) {
      case OFFER_LOG -> {
        if (MessageText.isAccept(text)) {
          intake.startConsultation(t, t.state.pendingQuestion());
          return;
        }
        if (MessageText.isNo(text)) {
          t.state = t.state.reset();
          t.say("好的。还有别的需要，随时告诉我。");
          return;
        }
      }
      case RATE_SCORE -> {
        Integer score = Ratings.score(text);
        if (score != null) {
          rate(t, t.state.ratingCaseId(), score);
          return;
        }
      }
      case RATE_COMMENT -> {
        comment(t, text);
        return;
      }
      case ASK_QUESTION -> {
        if (MessageText.hasWords(text)) {
          t.state = t.state.reset();
          answer(t, text, "");
          return;
        }
      }
      default -> { }
    }
    // A bare score ("5", "五分") after the rating question lapsed still rates the person's latest closed case.
    Integer score = Ratings.score(text);
    if (score != null) {
      Optional<CaseRecord> unrated = latestUnrated(t);
      if (unrated.isPresent()) {
        t.state = t.state.reset();
        rate(t, unrated.get().id(), score);
        return;
      }
    }
    // Anything else is a new request; a pending offer or rating question simply lapses.
    t.state = t.state.reset();
    if (text.isEmpty()) {
      intake.startPhoto(t);
      return;
    }
    Classification c = classifier.classify(text);
    switch (c.intent()) {
      case REPORT -> intake.startReport(t, c.category());
      case QUESTION -> answer(t, text, "");
      case STATUS -> status(t);
      case CHITCHAT -> chitchat(t);
    }
  }

  private void callback(Turn t, String data) {
    if (data.equals(Intake.CANCEL)) {
      cancel(t);
    } else if (data.startsWith(Commands.TAKE)) {
      commands.pressTake(t, data.substring(Commands.TAKE.length()));
    } else if (data.startsWith(RATE)) {
      String[] p = data.split(":");
      Integer score = p.length == 3 ? Ratings.score(p[2]) : null;
      if (score == null) t.refuse(Texts.NOT_UNDERSTOOD);
      else rate(t, p[1], score);
    } else if (data.equals(SKIP) && t.state.step() == Step.RATE_COMMENT) {
      comment(t, "跳过");
    } else if (data.equals(LOG_YES) || data.equals(LOG_NO)) {
      if (t.state.step() != Step.OFFER_LOG) t.refuse("这个按钮已经失效了。有需要请直接告诉我。");
      else if (data.equals(LOG_YES)) intake.startConsultation(t, t.state.pendingQuestion());
      else {
        t.state = t.state.reset();
        t.say("好的。还有别的需要，随时告诉我。");
      }
    } else {
      intake.callback(t, data);
    }
  }

  private void cancel(Turn t) {
    t.handledAs = t.state.step() == Step.IDLE ? HandledAs.CHITCHAT : HandledAs.REPORT;
    Step step = t.state.step();
    if (step == Step.RATE_COMMENT) {
      t.state = t.state.reset();
      t.say("好的，感谢您的评价！");
    } else if (step == Step.ASK_QUESTION) {
      t.state = t.state.reset();
      t.say("好的。还有别的需要，随时告诉我。");
    } else if (step == Step.IDLE) {
      t.say(Texts.NOTHING_TO_CANCEL);
    } else {
      t.state = t.state.reset();
      t.say(Texts.CANCELLED);
    }
  }

  // ------------------------------------------------------------------ keyboard

  /**
   * A button of the resident keyboard: does that action. An intake under way is dropped, never filled with the
   * label; 我要反映问题 starts it afresh.
   */
  private void keyboard(Turn t, String action) {
    DialogState.Draft d = t.state.inIntake() ? t.state.draft() : null;
    boolean dropped = d != null && (d.text() != null || !d.photoIds().isEmpty());
    t.state = t.state.reset();
    if (action.equals(Keyboards.REPORT)) {
      intake.startBlank(t, dropped);
      return;
    }
    if (dropped) t.say("刚才正在登记的问题还没有提交，已经放弃；需要时点“我要反映问题”重新登记。");
    switch (action) {
      case Keyboards.ASK -> {
        t.state = t.state.askingQuestion();
        t.say("好的，请问您想了解什么？直接把问题发给我就行，例如“社区有没有助老食堂？”“平安法治星的标准是什么？”");
      }
      case Keyboards.STATUS -> status(t);
      default -> answer(t, Keyboards.STARS_QUESTION, "\n\n想细问哪一颗星，直接问我就行，例如“平安法治星的标准是什么？”");
    }
  }

  // ------------------------------------------------------------------ questions

  /** Answers a question with its sources; {@code tail} is added to an answered one (a hint what to ask next). */
  private void answer(Turn t, String question, String tail) {
    t.handledAs = HandledAs.ANSWER;
    Answer a = answerer.answer(question, t.state.questions());
    StringBuilder reply = new StringBuilder(a.text());
    List<String> titles = new ArrayList<>(new LinkedHashSet<>(a.citations().stream().map(Citation::title).toList()));
    if (!titles.isEmpty()) {
      reply.append("\n\n来源：");
      for (int i = 0; i < a.citations().size(); i++) {
        Citation c = a.citations().get(i);
        if (i > 0) reply.append("；");
        reply.append("[").append(i + 1).append("]《").append(c.title()).append("》");
      }
    }
    t.state = t.state.withQuestion(MessageText.clip(question, 200));
    if (a.answered() && !a.tentative()) {
      t.say(reply.append(tail).toString());
    } else {
      t.state = t.state.withPendingQuestion(MessageText.clip(question, 500));
      reply.append(a.answered() ? "\n\n如果这些没能解决您的问题，要我把它转给社区工作人员吗？" : "\n\n要我把这个问题转给社区工作人员吗？");
      t.say(reply.toString(), List.of(List.of(new Button("转给工作人员", LOG_YES), new Button("不用了", LOG_NO))));
    }
  }

  // ------------------------------------------------------------------ status

  private void status(Turn t) {
    t.handledAs = HandledAs.STATUS;
    Matcher m = IntentClassifier.TRACKING_NUMBER.matcher(t.text);
    if (m.find()) {
      showCase(t, m.group(1));
      return;
    }
    List<CaseRecord> list = cases.listByReporter(t.channel, t.userId);  // reported or followed, newest first
    if (list.isEmpty()) {
      t.say("您还没有反映过问题。遇到问题直接告诉我发生了什么、在哪里，我来帮您登记。");
      return;
    }
    StringBuilder b = new StringBuilder("您反映和关注的问题（共 ").append(list.size()).append(" 件");
    if (list.size() > STATUS_LIST_MAX) b.append("，显示最近 ").append(STATUS_LIST_MAX).append(" 件");
    b.append("）：");
    for (int i = 0; i < Math.min(STATUS_LIST_MAX, list.size()); i++) {
      b.append("\n").append(i + 1).append(". ").append(CaseViews.residentLine(list.get(i)));
    }
    b.append("\n发送编号可以查看详情。");
    t.say(b.toString());
  }

  private void showCase(Turn t, String id) {
    Optional<CaseRecord> found = cases.find(id);
    if (t.role().isStaff()) {
      if (found.isPresent()) t.say(CaseViews.staffDetail(found.get(), cases.history(id)));
      else t.say("找不到编号为 " + id + " 的诉求，请核对编号。");
      return;
    }
    if (found.isEmpty() || !concerns(found.get(), t)) {
      t.say("没有找到您反映或关注的编号为 " + id + " 的问题。请核对编号；别人反映的问题，为保护隐私不能向您显示。"
          + "如果您也遇到了这个问题，直接描述给我，我帮您登记或一起关注。");
      return;
    }
    CaseRecord r = found.get();
    boolean reporter = r.channel().equals(t.channel) && r.userId().equals(t.userId);
    if (reporter && r.status() == CaseStatus.CLOSED && r.rating() == null) {
      t.state = t.state.rating(Step.RATE_SCORE, r.id(), null);
      t.say(CaseViews.residentDetail(r) + "\n\n这件事已经办结，请您为处理结果打个分：", Ratings.buttons(r.id()));
    } else {
      t.say(CaseViews.residentDetail(r));
    }
  }

  private static boolean concerns(CaseRecord r, Turn t) {
    if (r.channel().equals(t.channel) && r.userId().equals(t.userId)) return true;
    return r.followers().stream().anyMatch(f -> f.channel().equals(t.channel) && f.userId().equals(t.userId));
  }

  // ------------------------------------------------------------------ rating

  /** The most recently updated closed case this person reported and has not rated yet. */
  private Optional<CaseRecord> latestUnrated(Turn t) {
    return cases.listByReporter(t.channel, t.userId).stream()
        .filter(r -> r.channel().equals(t.channel) && r.userId().equals(t.userId))
        .filter(r -> r.status() == CaseStatus.CLOSED && r.rating() == null)
        .max(java.util.Comparator.comparing(CaseRecord::updatedAt));
  }

  private void rate(Turn t, String caseId, int score) {
    t.handledAs = HandledAs.RATING;
    CaseRecord r = cases.rate(caseId, t.channel, t.userId, score, null);
    if (t.state.inIntake()) {
      // A score button pressed in the middle of a new report: keep the report going, skip the comment question.
      t.say("感谢您的评价（" + score + " 分）！我们接着登记刚才的问题。");
      intake.prompt(t, t.state.draft());
      return;
    }
    t.state = t.state.rating(Step.RATE_COMMENT, r.id(), score);
    t.say("感谢您的评价（" + score + " 分）！还有什么意见或建议吗？可以直接留言；不需要请回复“跳过”。",
        List.of(List.of(new Button("跳过", SKIP))));
  }

  private void comment(Turn t, String text) {
    t.handledAs = HandledAs.RATING;
    String caseId = t.state.ratingCaseId();
    Integer score = t.state.ratingScore();
    t.state = t.state.reset();
    if (text.isEmpty() || MessageText.isSkip(text) || MessageText.isNo(text) || !MessageText.hasWords(text)) {
      t.say("好的，感谢您的反馈！");
      return;
    }
    cases.rate(caseId, t.channel, t.userId, score, MessageText.clip(text, 500));
    t.say("您的意见已经记下，会转给社区工作人员。感谢您的反馈！");
  }

  // ------------------------------------------------------------------ small talk

  private void chitchat(Turn t) {
    t.handledAs = HandledAs.CHITCHAT;
    String text = t.text;
    String a = MessageText.answer(text);
    if (!MessageText.hasWords(text)) {
      t.say("收到😊 有什么需要帮忙的，直接告诉我就好；发送 /help 可以看看我能做什么。");
    } else if (text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      t.say(a.matches("(hi|hello|hey|ok|okay|thanks|thankyou)") ? Texts.GREETING : Texts.NOT_UNDERSTOOD);
    } else if (a.matches(".*(谢|感谢|辛苦).*")) {
      t.say(Texts.THANKS);
    } else if (a.matches(".*(再见|拜拜|晚安|回头见|先走了).*")) {
      t.say(Texts.BYE);
    } else if (a.matches(".*(你好|您好|在吗|在不在|有人吗|哈喽|早上好|中午好|下午好|晚上好|嗨|喂|大家好).*")) {
      t.say(Texts.GREETING + "\n有什么需要帮忙的，直接告诉我就好。");
    } else if (MessageText.isYes(text) || MessageText.isNo(text) || a.matches("(好|好的|好嘞|行|嗯+|哦+|知道了|明白了|收到|懂了)")) {
      // "好的", "不用了" after an answer: an acknowledgement, not a request for the help text.
      t.say("好的。还有别的需要，随时告诉我。");
    } else {
      t.say("我是社区助手，闲聊不太在行😊\n" + Texts.RESIDENT_HELP);
    }
  }

  private Object lock(String channel, String chatId, String userId) {
    return locks.of(channel, chatId, userId);
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  /** Stops listening to the case store. */
  @Override
  public void close() {
    cases.removeListener(listener);
  }
}
