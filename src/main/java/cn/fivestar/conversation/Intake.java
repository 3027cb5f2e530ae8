package cn.fivestar.conversation;

import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CasePublicView;
import cn.fivestar.cases.CasePreview;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.NewCase;
import cn.fivestar.conversation.DialogState.Draft;
import cn.fivestar.conversation.DialogState.Step;
import cn.fivestar.conversation.intent.IntentClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Taking in a request: asks only for what is missing (what happened, where), offers to follow a likely duplicate,
 * shows a summary with category, star and expected deadline, and files the case on confirmation. The contact
 * phone is optional: it is picked up from any message, and the summary says how to add it.
 */
final class Intake {
  static final String OK = "ok";
  static final String CANCEL = "cancel";
  static final String EDIT = "edit";
  static final String EDIT_WHAT = "edit:what";
  static final String EDIT_WHERE = "edit:where";
  static final String EDIT_PHONE = "edit:phone";
  static final String DUP_NEW = "dup:new";
  static final String DUP_FOLLOW = "dup:follow:";

  private static final List<List<Button>> CONFIRM_BUTTONS = List.of(List.of(
      new Button("确认", OK), new Button("修改", EDIT), new Button("取消", CANCEL)));
  private static final List<List<Button>> EDIT_BUTTONS = List.of(List.of(
      new Button("事项", EDIT_WHAT), new Button("地点", EDIT_WHERE), new Button("电话", EDIT_PHONE)),
      List.of(new Button("取消", CANCEL)));
  private static final Pattern EDIT_WORDS = Pattern.compile("^(?:不对|不正确|有误|错了|修改|改|更正|改一下|重新填|重填).*");
  private static final Pattern PLACE_PREFIX = Pattern.compile(
      "^(?:地点|地址|位置|地方)?(?:就)?(?:是|在|：|:)?\\s*(?:刚才说的|刚说的|刚刚说的|上面说的|前面说的)?\\s*(?:就在|在|位于)?");
  private static final int MAX_LOCATION = 200;

  private final CaseService cases;
  private final IntentClassifier classifier;

  Intake(CaseService cases, IntentClassifier classifier) {
    this.cases = cases;
    this.classifier = classifier;
  }

  /**
   * A message taken as a report starts an intake. {@code preface} (may be null) is said first: who handles such a
   * problem, when the person asked.
   */
  void startReport(Turn t, String category, String preface) {
    startReport(t, t.text, category, preface);
  }

  /** As {@link #startReport(Turn, String, String)} with the report's own words (part of a longer message). */
  void startReport(Turn t, String text, String category, String preface) {
    t.handledAs = HandledAs.REPORT;
    Draft d;
    if (Slots.contentFree(text)) {
      String kind = Slots.kind(text);
      d = new Draft(null, null, Slots.phone(text), null, kind.equals("help") ? null : kind, t.in.photoIds(), null, false);
    } else {
      d = new Draft(text, Slots.location(text), Slots.phone(text), category, Slots.kind(text), t.in.photoIds(), null, false);
    }
    if (preface != null) t.say(preface);
    next(t, d);
  }

  /**
   * An urgent danger: what to do now and the emergency number come first; the case is registered at once (as soon
   * as the place is known), flagged urgent with a short deadline, and staff are alerted by the new-case notice.
   */
  void startUrgent(Turn t, Urgency danger) {
    t.handledAs = HandledAs.REPORT;
    t.say(danger.advice());
    Draft d = new Draft(t.text, Slots.location(t.text), Slots.phone(t.text), danger.category(), CaseKind.URGENT.code(),
        t.in.photoIds(), List.of(), true);
    // Registered at once, even without a place (a missing person may have none): staff are alerted now, and a
    // place or phone sent next is added to the case.
    create(t, d);
    if (d.location() == null) t.say(Texts.URGENT_WHERE);
  }

  /** An address sent on its own: keep it and ask what happened there. */
  void startAtPlace(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = new Draft(null, place(t.text), Slots.phone(t.text), null, null, t.in.photoIds(), null, false);
    t.state = t.state.withDraft(Step.ASK_WHAT, d);
    t.say("好的，地点记下了：" + d.location() + "。请问那里出了什么问题，需要我们帮什么忙？");
  }

  /** Whether this message answers the question the intake is waiting for (the turn decision asks first). */
  boolean fits(Turn t) {
    Draft d = t.state.draft();
    String text = t.text;
    if (text.isEmpty()) return true;
    boolean question = Cues.questionForm(text);
    return switch (t.state.step()) {
      case ASK_WHAT, EDIT_WHAT -> MessageText.hasWords(text) && !question;
      case ASK_WHERE, EDIT_WHERE -> !question && (Cues.pointsAtPlace(text) || onlyPhone(text) || d.location() == null
          && MessageText.length(text) <= 12 && MessageText.hasWords(text) && !Cues.asksProgress(text)
          && !MessageText.isYes(text) && !MessageText.isNo(text) && !SmallTalk.isPleasantry(text));
      case EDIT_PHONE -> text.matches("(?s).*\\d.*") || MessageText.isSkip(text) || MessageText.isNo(text)
          || MessageText.answer(text).matches("(电话)?(就)?(不留|不用留|不留了|不用了|不需要)(了)?");
      case DUPLICATE -> MessageText.isNo(text) || MessageText.isAccept(text) || MessageText.answer(text).contains("新建")
          || followsExisting(text);
      case CONFIRM, EDIT_CHOICE -> !question || MessageText.isYes(text);
      default -> false;
    };
  }

  /** The message is a phone number and little else ("电话13700002222 有事打这个"). */
  static boolean onlyPhone(String text) {
    String phone = Slots.phone(text);
    return phone != null && MessageText.answer(text.replace(phone, ""))
        .replaceAll("你好|您好|电话|手机|号码|是|打这个|有事|联系|我|俺|先|留个|留一下|记一下|给你|的|就", "").length() <= 4;
  }

  /** "行 那我就跟着那个单子吧", "一起关注", "不用重新报了": the person will follow the existing case. */
  private static boolean followsExisting(String text) {
    String a = MessageText.answer(text);
    return a.matches(".*(跟着|关注|一起|同一件|就是那个|不用重新|不用再报|不重复|那个单子).*");
  }

  /** One line saying where the waiting report stands, after a message that was about something else. */
  String waitingLine(Turn t) {
    Draft d = t.state.draft();
    String what = d.text() == null ? "" : "“" + MessageText.clip(d.text(), 20) + "”";
    String need = switch (t.state.step()) {
      case ASK_WHAT, EDIT_WHAT -> "告诉我发生了什么，就能继续登记";
      case ASK_WHERE, EDIT_WHERE -> "告诉我具体地点，就能继续登记";
      case EDIT_PHONE -> "发个联系电话（或回复“跳过”），就能继续登记";
      case DUPLICATE -> "回复“一起关注”或“新建”，就能继续";
      default -> "回复“确认”提交，或“修改”更正";
    };
    return "（您刚才反映的" + what + "还没有提交：" + need + "；不报了请回复“取消”。）";
  }

  /** "地点改成…", "电话换成…": applies the correction and shows the summary again. */
  void applyEdit(Turn t, Cues.Edit edit) {
    t.handledAs = HandledAs.REPORT;
    Draft d = t.state.draft();
    switch (edit.field()) {
      case Cues.REPLACE_WORDS -> {
        if (d.location() != null && d.location().contains(edit.old())) {
          summary(t, d.withLocation(d.location().replace(edit.old(), edit.value())));
        } else if (d.text() != null && d.text().contains(edit.old())) {
          String text = d.text().replace(edit.old(), edit.value());
          summary(t, describe(d.withText(text), text));
        } else if (Slots.location(edit.value()) != null) {
          summary(t, d.withLocation(place(edit.value())));
        } else {
          summary(t, describe(d.withText(d.text() + "（更正：" + edit.value() + "）"), edit.value()));
        }
      }
      case EDIT_WHERE -> summary(t, d.withLocation(place(edit.value())));
      case EDIT_PHONE -> {
        String phone = Slots.phone(edit.value());
        if (phone == null) {
          t.state = t.state.withDraft(Step.EDIT_PHONE, d);
          t.say("这个号码好像不对。请发 11 位手机号或带区号的固定电话；不想留电话请回复“跳过”。");
        } else {
          // The wrong number must not live on inside the description either.
          Draft fixed = d.phone() != null && d.text() != null && d.text().contains(d.phone())
              ? d.withText(d.text().replace(d.phone(), phone)) : d;
          summary(t, fixed.withPhone(phone));
        }
      }
      default -> summary(t, describe(d.withText(edit.value()), edit.value()));
    }
  }

  /** More words about the problem while the bot waits for something else: added to the description, asked again. */
  void addDetail(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = t.state.draft();
    Draft more = d.text() == null ? d.withText(t.text)
        : d.withText(MessageText.clip(d.text() + "；" + t.text, MessageText.MAX_CHARS));
    Draft described = describe(more, t.text);
    t.state = t.state.withDraft(t.state.step(), described);
    t.say("好的，已补充到问题描述里。");
    prompt(t, described);
  }

  /** A phone or a place sent right after registering: added to that case for staff. */
  void addToCase(Turn t, String caseId) {
    t.handledAs = HandledAs.REPORT;
    String place = Slots.location(t.text);
    if (place != null) cases.addLocation(caseId, place(t.text), t.actor());
    cases.addNote(caseId, t.actor(), "居民补充：" + MessageText.clip(t.text, 500));
    t.say(String.format(Slots.phone(t.text) != null ? Texts.PHONE_ADDED : Texts.DETAIL_ADDED, caseId));
  }

  /** "这一般几天能弄好": how long this kind of request takes, by the deadline rules. */
  void sayHowLong(Turn t) {
    t.handledAs = HandledAs.REPORT;
    CaseKind kind = kind(t.state.draft());
    t.say("这类诉求（" + kind.label() + "）一般 " + kind.workingDays() + " 个工作日内办结，登记后工作人员会尽快处理，"
        + "有进展我会通知您。");
  }

  /** Cancels the report under way. */
  void cancel(Turn t) {
    t.handledAs = HandledAs.REPORT;
    t.state = t.state.reset();
    t.say(Texts.CANCELLED);
  }

  /** The 我要反映问题 button: a fresh draft, asking what happened; {@code restarted} when a filled one was dropped. */
  void startBlank(Turn t, boolean restarted) {
    t.handledAs = HandledAs.REPORT;
    t.state = t.state.withDraft(Step.ASK_WHAT, new Draft(null, null, null, null, null, List.of(), null, false));
    t.say((restarted ? "好的，我们重新开始登记，刚才没有提交的内容就不用了。\n" : "好的，")
        + "请简单描述一下您遇到的问题：发生了什么？");
  }

  /** A photo without words: keep it and ask what it shows. */
  void startPhoto(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = new Draft(null, null, null, null, null, t.in.photoIds(), null, false);
    t.state = t.state.withDraft(Step.ASK_WHAT, d);
    t.say("收到您的照片。请再用一句话说明发生了什么问题？");
  }

  /** An unanswerable question the person wants passed on to staff: a consultation, no place needed. */
  void startConsultation(Turn t, String question) {
    t.handledAs = HandledAs.REPORT;
    Draft d = new Draft(question, null, null, classifier.category(question, 0.6), CaseKind.CONSULTATION.code(), List.of(),
        null, true);
    next(t, d);
  }

  /** A message while an intake is open that {@link #fits} the question it waits for. */
  void handle(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = t.state.draft().withPhotos(t.in.photoIds());
    String text = t.text;
    if (text.isEmpty()) {
      t.state = t.state.withDraft(t.state.step(), d);
      t.say("已收到照片（共 " + d.photoIds().size() + " 张），会一并提交。");
      prompt(t, d);
      return;
    }
    switch (t.state.step()) {
      case ASK_WHAT -> what(t, d, text);
      case ASK_WHERE -> where(t, d, text);
      case DUPLICATE -> duplicate(t, d, text);
      case CONFIRM -> confirm(t, d, text);
      case EDIT_CHOICE -> editChoice(t, d, text);
      case EDIT_WHAT -> {
        if (!MessageText.hasWords(text) || Slots.contentFree(text)) {
          t.say("请用一句话重新描述发生了什么。");
        } else {
          summary(t, describe(d.withText(text), text));
        }
      }
      case EDIT_WHERE -> {
        if (!MessageText.hasWords(text)) {
          t.say("请告诉我具体地点，例如“幸福路12号院3号楼”。");
        } else {
          summary(t, d.withLocation(place(text)));
        }
      }
      case EDIT_PHONE -> {
        String phone = Slots.phone(text);
        if (phone != null) {
          summary(t, d.withPhone(phone));
        } else if (MessageText.isSkip(text) || MessageText.isNo(text)) {
          summary(t, d.withPhone(null));
        } else {
          t.say("这个号码好像不对。请发 11 位手机号或带区号的固定电话；不想留电话请回复“跳过”。");
        }
      }
      default -> throw new IllegalStateException("not an intake step: " + t.state.step());
    }
  }

  /** A button pressed during (or after) an intake. */
  void callback(Turn t, String data) {
    t.handledAs = HandledAs.REPORT;
    Step step = t.state.step();
    Draft d = t.state.draft();
    if (!t.state.inIntake()) {
      t.refuse("这个按钮已经失效了。有新的问题请直接告诉我。");
      return;
    }
    if (data.equals(OK) && step == Step.CONFIRM) {
      create(t, d);
    } else if (data.equals(EDIT) && step == Step.CONFIRM) {
      t.state = t.state.withDraft(Step.EDIT_CHOICE, d);
      t.say("请问要修改哪一项？", EDIT_BUTTONS);
    } else if (data.startsWith("edit:") && (step == Step.CONFIRM || step == Step.EDIT_CHOICE)) {
      edit(t, d, data);
    } else if (data.equals(DUP_NEW) && step == Step.DUPLICATE) {
      summary(t, d);
    } else if (data.startsWith(DUP_FOLLOW) && step == Step.DUPLICATE) {
      String id = data.substring(DUP_FOLLOW.length());
      if (d.duplicateIds().contains(id)) follow(t, id);
      else stale(t, d);
    } else {
      stale(t, d);
    }
  }

  /** A button of an earlier step (or an unknown one): nothing happens, the current question is asked again. */
  private void stale(Turn t, Draft d) {
    t.refused = true;
    prompt(t, d);
  }

  private void what(Turn t, Draft d, String text) {
    if (!MessageText.hasWords(text) || Slots.contentFree(text)) {
      t.say("请简单描述一下发生了什么，例如“楼道灯坏了，晚上看不见路”。");
      return;
    }
    next(t, describe(d.withText(text), text));
  }

  /** Fills what a description tells: place and phone if still missing, category, kind. */
  private Draft describe(Draft d, String text) {
    String location = d.location() != null ? d.location() : Slots.location(text);
    String phone = d.phone() != null ? d.phone() : Slots.phone(text);
    String kind = d.kind() != null && !d.kind().equals("help") ? d.kind() : Slots.kind(d.text());
    if (CaseKind.CONSULTATION.code().equals(d.kind())) kind = d.kind();
    String category = CaseKind.CONSULTATION.code().equals(kind) ? classifier.category(d.text(), 0.6)
        : classifier.category(d.text());
    return new Draft(d.text(), location, phone, category, kind, d.photoIds(), d.duplicateIds(), d.duplicatesChecked());
  }

  private void where(Turn t, Draft d, String text) {
    if (!MessageText.hasWords(text)) {
      t.say("请告诉我具体地点，例如“幸福路12号院3号楼”或“王庄村三组”。");
      return;
    }
    String phone = Slots.phone(text);
    if (phone != null && onlyPhone(text)) {
      t.state = t.state.withDraft(Step.ASK_WHERE, d.withPhone(phone));
      t.say("电话已记下。请再告诉我问题发生的具体地点，例如“幸福路12号院3号楼”。");
      return;
    }
    Draft placed = d.withLocation(place(text)).withPhone(d.phone() != null ? d.phone() : phone);
    if (CaseKind.URGENT.code().equals(d.kind())) {
      create(t, placed);
      return;
    }
    next(t, placed);
  }

  /** The place as the person put it; from a long answer that also describes the problem, just the place. */
  private static String place(String text) {
    String p = PLACE_PREFIX.matcher(text.replace('\n', ' ').strip()).replaceFirst("").strip();
    if (p.isEmpty()) p = text.strip();
    String named = MessageText.length(p) > 40 ? Slots.location(p) : null;
    return MessageText.clip(named != null ? named : p, MAX_LOCATION);
  }

  /**
   * A place given in two steps ("樱桃沟村", then "二组 村西头大槐树那个"): the second part names no area of its own,
   * so it continues the first; a place that names its own area replaces the first.
   */
  static String refine(String before, String after) {
    if (before == null || after.contains(before)) return after;
    boolean namesArea = CasePublicView.streetLevelPlace(after) != null;
    boolean vagueBefore = !before.matches(".*\\d.*");
    return !namesArea && vagueBefore ? MessageText.clip(before + after, MAX_LOCATION) : after;
  }

  /** A phone sent before anything else ("我先留个电话 138…"): kept, and the bot asks what happened. */
  void startWithPhone(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = new Draft(null, null, Slots.phone(t.text), null, null, t.in.photoIds(), null, false);
    t.state = t.state.withDraft(Step.ASK_WHAT, d);
    t.say("好的，电话记下了。请问遇到了什么问题？发生了什么、在哪里？");
  }

  /** Asks for the next missing slot, or checks for duplicates, or shows the summary. */
  private void next(Turn t, Draft d) {
    if (d.text() == null) {
      t.state = t.state.withDraft(Step.ASK_WHAT, d);
      t.say(d.photoIds().isEmpty() ? "好的，请简单描述一下您遇到的问题：发生了什么？" : "收到照片。请简单描述一下发生了什么问题？");
      return;
    }
    boolean consultation = CaseKind.CONSULTATION.code().equals(d.kind());
    if (d.location() == null && !consultation) {
      t.state = t.state.withDraft(Step.ASK_WHERE, d);
      t.say("好的，已记下：“" + MessageText.clip(d.text(), 40) + "”。\n请问具体在哪里？比如小区或村的名称、几号楼几单元、哪条路、哪个村民组。");
      return;
    }
    if (!d.duplicatesChecked()) {
      List<CaseRecord> similar = cases.findSimilarOpen(d.text(), d.location(), 3);
      if (!similar.isEmpty()) {
        offerDuplicate(t, d.withDuplicates(similar.stream().map(CaseRecord::id).toList()), similar.get(0));
        return;
      }
      d = d.withDuplicates(List.of());
    }
    summary(t, d);
  }

  /**
   * Offers to follow an open case at the same place about the same problem. Someone else's case is shown only as
   * number, category, status and street-level place ({@link CaseViews#publicLine}).
   */
  private void offerDuplicate(Turn t, Draft d, CaseRecord same) {
    t.state = t.state.withDraft(Step.DUPLICATE, d);
    boolean own = CaseViews.isReporter(same, t.channel, t.userId);
    String text = own
        ? "您之前已经反映过类似的问题：" + CaseViews.lineFor(same, t.channel, t.userId)
            + "\n是同一件事吗？是的话继续关注那件就好，不用重复登记。"
        : "这个问题已有人反映过：" + CaseViews.publicLine(same)
            + "\n要一起关注吗？关注后有进展会同时通知您，不用重复登记。";
    t.say(text, List.of(List.of(new Button(own ? "是同一件" : "一起关注", DUP_FOLLOW + same.id()),
        new Button("不是，新建", DUP_NEW))));
  }

  private void duplicate(Turn t, Draft d, String text) {
    if (MessageText.isNo(text) || MessageText.answer(text).contains("新建")) {
      summary(t, d);
    } else if (MessageText.isAccept(text) || followsExisting(text)) {
      follow(t, d.duplicateIds().get(0));
    } else {
      prompt(t, d);
    }
  }

  private void follow(Turn t, String id) {
    CaseRecord r = cases.follow(id, t.channel, t.userId, t.chatId);
    t.state = t.state.reset();
    t.say("好的，已为您关注编号 " + r.id() + "（" + r.category() + "，目前" + r.status().label() + "），有进展会通知您，不用重复登记。\n"
        + "随时发送这个编号可以查看进度。");
  }

  private void confirm(Turn t, Draft d, String text) {
    if (MessageText.isYes(text)) {
      create(t, d);
      return;
    }
    String a = MessageText.answer(text);
    if (EDIT_WORDS.matcher(a).matches() || a.endsWith("不对") || a.endsWith("有误")) {
      String field = field(a);
      if (field != null) edit(t, d, field);
      else {
        t.state = t.state.withDraft(Step.EDIT_CHOICE, d);
        t.say("请问要修改哪一项？", EDIT_BUTTONS);
      }
      return;
    }
    String phone = Slots.phone(text);
    if (phone != null) {
      summary(t, d.withPhone(phone));
      return;
    }
    if (MessageText.length(text) <= 40 && Cues.pointsAtPlace(text)) {
      // "在阳光花苑3号楼" after the summary: the person is giving the place more precisely (or its second half).
      summary(t, d.withLocation(refine(d.location(), place(text))));
      return;
    }
    t.say("请回复“确认”提交，回复“修改”更正，或回复“取消”放弃。", CONFIRM_BUTTONS);
  }

  private static String field(String a) {
    if (a.matches(".*(地点|位置|地址|地方).*")) return EDIT_WHERE;
    if (a.matches(".*(电话|手机|号码|联系方式).*")) return EDIT_PHONE;
    if (a.matches(".*(事项|内容|问题|描述|情况).*")) return EDIT_WHAT;
    return null;
  }

  private void editChoice(Turn t, Draft d, String text) {
    String field = field(MessageText.answer(text));
    if (field == null) {
      t.say("请选择要修改的项目：事项、地点或电话。", EDIT_BUTTONS);
    } else {
      edit(t, d, field);
    }
  }

  private void edit(Turn t, Draft d, String field) {
    switch (field) {
      case EDIT_WHAT -> {
        t.state = t.state.withDraft(Step.EDIT_WHAT, d);
        t.say("好的，请重新描述发生了什么。");
      }
      case EDIT_WHERE -> {
        t.state = t.state.withDraft(Step.EDIT_WHERE, d);
        t.say("好的，请告诉我正确的地点。");
      }
      default -> {
        t.state = t.state.withDraft(Step.EDIT_PHONE, d);
        t.say("好的，请发送联系电话；不想留电话请回复“跳过”。");
      }
    }
  }

  /** Shows what will be filed and asks for confirmation. */
  private void summary(Turn t, Draft d) {
    t.state = t.state.withDraft(Step.CONFIRM, d);
    t.say(summaryText(d), CONFIRM_BUTTONS);
  }

  private String summaryText(Draft d) {
    CasePreview preview = cases.preview(new NewCase(null, null, null, null, d.phone(), d.text(), d.location(),
        d.category(), kind(d), d.photoIds()));
    String category = preview.category();
    String star = preview.star();
    CaseKind kind = preview.kind();
    Instant due = preview.dueAt();
    StringBuilder b = new StringBuilder("请核对您要反映的内容：\n");
    b.append("事项：").append(MessageText.clip(d.text(), 300)).append("\n");
    b.append("地点：").append(d.location() == null ? "（咨询类，不需要地点）" : d.location()).append("\n");
    b.append("类别：").append(category).append(star == null ? "" : "（关系到“" + star + "”）").append("\n");
    b.append("类型：").append(kind.label()).append("，一般 ").append(kind.workingDays()).append(" 个工作日内办结，预计 ")
        .append(CaseViews.day(due)).append(" 前\n");
    b.append("联系电话：").append(d.phone() == null ? "未留（如需工作人员联系您，可直接发送手机号）" : d.phone());
    if (!d.photoIds().isEmpty()) b.append("\n照片：").append(d.photoIds().size()).append(" 张");
    b.append("\n确认无误请回复“确认”；需要更正请回复“修改”；不提交请回复“取消”。");
    return b.toString();
  }

  private static CaseKind kind(Draft d) {
    return d.kind() == null ? CaseKind.HELP : CaseKind.parse(d.kind());
  }

  private void create(Turn t, Draft d) {
    List<String> photos = new ArrayList<>(d.photoIds());
    String category = d.category() != null && cases.taxonomy().contains(d.category()) ? d.category() : null;
    NewCase n = new NewCase(t.channel, t.userId, t.chatId, t.in.displayName(), d.phone(), d.text(), d.location(),
        category, kind(d), photos);
    CaseRecord r = cases.create(n);
    t.registered = r.id();
    t.state = t.state.registered(r.id());
    if (r.kind() == CaseKind.URGENT) {
      t.say("已按紧急情况为您登记，编号 " + r.id() + "，已同时通知社区值班人员尽快处置。\n请先按上面的提示保证安全；"
          + "方便的话发个联系电话，工作人员好联系您。");
      return;
    }
    t.say("已为您登记，编号 " + r.id() + "。\n类别：" + r.category() + "，预计 " + CaseViews.day(r.dueAt()) + " 前办结。\n"
        + "有进展我会第一时间通知您；也可以随时发送“我反映的事怎么样了”或编号查询进度。");
  }

  /** Repeats the question of the current step (after a photo, or an answer that did not fit). */
  void prompt(Turn t, Draft d) {
    switch (t.state.step()) {
      case ASK_WHAT -> t.say("请简单描述一下发生了什么问题？");
      case ASK_WHERE -> t.say("请问具体在哪里？比如小区或村的名称、几号楼几单元、哪条路、哪个村民组。");
      case DUPLICATE -> {
        String id = d.duplicateIds().get(0);
        t.say("编号 " + id + " 和您说的是同一件事吗？回复“是”一起关注，回复“不是”新建一条。",
            List.of(List.of(new Button("一起关注", DUP_FOLLOW + id), new Button("不是，新建", DUP_NEW))));
      }
      case CONFIRM -> t.say(summaryText(d), CONFIRM_BUTTONS);
      case EDIT_CHOICE -> t.say("请问要修改哪一项？", EDIT_BUTTONS);
      case EDIT_WHAT -> t.say("请重新描述发生了什么。");
      case EDIT_WHERE -> t.say("请告诉我正确的地点。");
      case EDIT_PHONE -> t.say("请发送联系电话；不想留电话请回复“跳过”。");
      default -> { }
    }
  }
}
