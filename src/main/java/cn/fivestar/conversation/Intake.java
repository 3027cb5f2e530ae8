package cn.fivestar.conversation;

import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CasePreview;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.conversation.DialogState.Draft;
import cn.fivestar.conversation.DialogState.Step;
import cn.fivestar.conversation.intent.Intent;
import cn.fivestar.conversation.intent.IntentClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Taking in a request: asks only for what is missing (what happened, where), offers to follow a likely duplicate,
 * shows a summary with category, star and expected deadline, and files the case on confirmation. The contact
 * phone is optional: it is picked up from any message, and the summary says how to add it. Corrections are
 * {@link IntakeEdits}, the duplicate offer {@link DuplicateOffer}, whether a message fits a slot {@link SlotFit}.
 */
final class Intake {
  static final String OK = "ok";
  static final String CANCEL = "cancel";
  static final String EDIT = "edit";
  static final String EDIT_WHAT = "edit:what";
  static final String EDIT_WHERE = "edit:where";
  static final String EDIT_PHONE = "edit:phone";

  private static final List<List<Button>> CONFIRM_BUTTONS = List.of(List.of(new Button(IntakeTexts.BUTTON_CONFIRM, OK),
      new Button(IntakeTexts.BUTTON_EDIT, EDIT), new Button(IntakeTexts.BUTTON_CANCEL, CANCEL)));

  private final CaseService cases;
  private final IntentClassifier classifier;
  private final IntakeEdits edits = new IntakeEdits(this);
  private final DuplicateOffer duplicates;

  Intake(CaseService cases, IntentClassifier classifier) {
    this.cases = cases;
    this.classifier = classifier;
    this.duplicates = new DuplicateOffer(cases, this);
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
    // "恁好 俺想反映个事儿 憋了好些天了": announced, nothing told yet (a kind of problem named would be told).
    if (Slots.contentFree(text) || Taxonomy.OTHER.equals(category) && Slots.announcesOnly(text)) {
      String kind = Slots.kind(text);
      d = new Draft(null, null, Slots.phone(text), null, kind.equals("help") ? null : kind, t.in.photoIds(), null, false);
    } else {
      d = new Draft(text, Slots.location(text), Slots.ownPhone(text), category, Slots.kind(text), t.in.photoIds(), null, false);
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
    Draft under = t.state.inIntake() ? t.state.draft() : null;
    if (under != null && under.text() != null) {
      // "男哩在打女哩 喊救命" while the quarrel upstairs waits for 确认: that report becomes urgent, place and phone kept.
      List<String> photos = new ArrayList<>(under.photoIds());
      photos.addAll(t.in.photoIds());
      d = new Draft(under.text() + "\n" + t.text, d.location() != null ? d.location() : under.location(),
          d.phone() != null ? d.phone() : under.phone(), danger.category(), CaseKind.URGENT.code(), photos, List.of(), true);
    }
    // Registered at once, even without a place (a missing person may have none): staff are alerted now, and a
    // place or phone sent next is added to the case.
    create(t, d);
    if (d.location() == null) t.say(IntakeTexts.URGENT_WHERE);
  }

  /**
   * An address sent on its own: keep it and ask what happened there — unless the person's last question described a
   * problem ("院里私搭了个大棚子…万一着火咋弄"), which the address now locates.
   */
  void startAtPlace(Turn t) {
    t.handledAs = HandledAs.REPORT;
    String place = SlotFit.place(t.text);
    List<String> asked = t.state.questions();
    String last = asked.isEmpty() ? null : asked.get(asked.size() - 1);
    if (last != null && classifier.classify(last).intent() == Intent.REPORT && classifier.aboutCommunityLife(last)) {
      Draft d = new Draft(last, place, Slots.phone(t.text), null, Slots.kind(last), t.in.photoIds(), null, false);
      next(t, describe(d, last));
      return;
    }
    Draft d = new Draft(null, place, Slots.phone(t.text), null, null, t.in.photoIds(), null, false);
    t.state = t.state.withDraft(Step.ASK_WHAT, d);
    t.say(IntakeTexts.placeNoted(d.location()));
  }

  /** Whether this message answers the question the intake is waiting for (the turn decision asks first). */
  boolean fits(Turn t) {
    return SlotFit.fits(t);
  }

  /** One line saying where the waiting report stands, after a message that was about something else. */
  /**
   * "幸福路12号院3号楼", "俺在刘寨街跟大学路交叉口往西…开五金店哩": where the person is, with no problem told yet.
   */
  boolean saysOnlyWhere(String text) {
    return Cues.placeOnly(text)
        || Cues.introducesSelf(text) && Slots.location(text) != null && !classifier.namesProblem(text);
  }

  /** Which star the report under way counts towards, as the summary will show it. */
  void tellStar(Turn t) {
    Draft d = t.state.draft();
    CasePreview preview = preview(d);
    t.handledAs = HandledAs.ANSWER;
    t.say(IntakeTexts.starOf(preview.category(), preview.star()));
  }

  /** Which star a filed case counts towards; false when the case is gone. */
  boolean tellCaseStar(Turn t, String caseId) {
    Optional<CaseRecord> c = cases.find(caseId);
    if (c.isEmpty()) return false;
    t.handledAs = HandledAs.ANSWER;
    t.say(IntakeTexts.starOf(c.get().category(), c.get().star()));
    return true;
  }

  String waitingLine(Turn t) {
    return IntakeTexts.waiting(t.state.step(), t.state.draft().text());
  }

  /** "地点改成…", "电话换成…": applies the correction and shows the summary again. */
  void applyEdit(Turn t, Cues.Edit edit) {
    edits.apply(t, edit);
  }

  /** More words about the problem while the bot waits for something else: added to the description, asked again. */
  void addDetail(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = t.state.draft();
    Draft more = d.text() == null ? d.withText(t.text)
        : d.withText(MessageText.clip(d.text() + "；" + t.text, MessageText.MAX_CHARS));
    Draft described = describe(more, t.text);
    t.state = t.state.withDraft(t.state.step(), described);
    t.say(IntakeTexts.DETAIL_NOTED);
    prompt(t, described);
  }

  /** A phone or a place sent right after registering: added to that case for staff. */
  void addToCase(Turn t, String caseId) {
    t.handledAs = HandledAs.REPORT;
    String place = Slots.location(t.text);
    if (place != null) cases.addLocation(caseId, SlotFit.place(t.text), t.actor());
    String phone = Slots.phone(t.text);
    if (phone != null) cases.addPhone(caseId, phone, t.actor());
    cases.addNote(caseId, t.actor(), IntakeTexts.RESIDENT_ADDED + MessageText.clip(t.text, 500));
    t.urgentOngoing = urgent(caseId);
    t.say(String.format(Slots.phone(t.text) != null ? IntakeTexts.PHONE_ADDED : IntakeTexts.DETAIL_ADDED, caseId));
  }

  /**
   * An urgent case just registered: what the person says next about the emergency ("120打过了 叫村医先过来看看",
   * then the village) belongs to it, not to a new report.
   */
  boolean urgent(String caseId) {
    return cases.find(caseId).filter(c -> c.kind() == CaseKind.URGENT).isPresent();
  }

  /** A filed report the person withdraws: staff are told in the case (they close it); nothing is deleted. */
  void withdraw(Turn t, String caseId) {
    t.handledAs = HandledAs.REPORT;
    cases.addNote(caseId, t.actor(), IntakeTexts.RESIDENT_WITHDRAWS + MessageText.clip(t.text, 500));
    t.say(String.format(IntakeTexts.WITHDRAW_NOTED, caseId));
  }

  /** "这归物业管还是归社区管": who handles the category of the report under way. */
  void sayWhoHandles(Turn t) {
    t.handledAs = HandledAs.REPORT;
    t.say(IntakeTexts.whoHandles(preview(t.state.draft()).category()));
  }

  /** "这一般几天能弄好": how long this kind of request takes, by the deadline rules. */
  void sayHowLong(Turn t) {
    t.handledAs = HandledAs.REPORT;
    t.say(IntakeTexts.howLong(kind(t.state.draft())));
  }

  /** Cancels the report under way. */
  void cancel(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = t.state.draft();
    String queued = t.state.queued();
    t.state = d != null && d.text() != null ? t.state.reset().withDropped(d) : t.state.reset();
    t.dropped = t.state.dropped() != null;
    t.say(Texts.CANCELLED);
    if (queued != null) {
      t.dropped = false;
      takeUpQueued(t, queued);
    }
  }

  /** Another matter instead of the one under way: described afresh (category, kind), the place and phone kept. */
  void replaceMatter(Turn t, String matter) {
    t.handledAs = HandledAs.REPORT;
    t.say(IntakeTexts.MATTER_REPLACED);
    next(t, describe(t.state.draft().withText(matter).withCategory(null, null), matter));
  }

  /** "不对 还是报吧" right after dropping a report: the draft again, asking for what is missing. */
  void resume(Turn t, Draft d) {
    t.handledAs = HandledAs.REPORT;
    t.state = t.state.reset();
    t.say(IntakeTexts.RESUMED);
    next(t, d);
  }

  /** The 我要反映问题 button: a fresh draft, asking what happened; {@code restarted} when a filled one was dropped. */
  void startBlank(Turn t, boolean restarted) {
    t.handledAs = HandledAs.REPORT;
    t.state = t.state.withDraft(Step.ASK_WHAT, new Draft(null, null, null, null, null, List.of(), null, false));
    t.say(IntakeTexts.startBlank(restarted));
  }

  /** A photo without words: keep it and ask what it shows. */
  void startPhoto(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = new Draft(null, null, null, null, null, t.in.photoIds(), null, false);
    t.state = t.state.withDraft(Step.ASK_WHAT, d);
    t.say(IntakeTexts.PHOTO_ONLY);
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
      t.say(IntakeTexts.photosReceived(d.photoIds().size()));
      prompt(t, d);
      return;
    }
    switch (t.state.step()) {
      case ASK_WHAT -> what(t, d, text);
      case ASK_WHERE -> where(t, d, text);
      case DUPLICATE -> duplicates.answer(t, d, text);
      case CONFIRM -> confirm(t, d, text);
      case EDIT_CHOICE -> edits.choice(t, d, text);
      case EDIT_WHAT, EDIT_WHERE, EDIT_PHONE -> edits.answer(t, d, text);
      default -> throw new IllegalStateException("not an intake step: " + t.state.step());
    }
  }

  /** A button pressed during (or after) an intake. */
  void callback(Turn t, String data) {
    t.handledAs = HandledAs.REPORT;
    Step step = t.state.step();
    Draft d = t.state.draft();
    if (!t.state.inIntake()) {
      t.refuse(IntakeTexts.STALE_BUTTON);
      return;
    }
    if (data.equals(OK) && step == Step.CONFIRM) {
      create(t, d);
    } else if (data.equals(EDIT) && step == Step.CONFIRM) {
      edits.askWhich(t, d);
    } else if (data.startsWith("edit:") && (step == Step.CONFIRM || step == Step.EDIT_CHOICE)) {
      edits.edit(t, d, data);
    } else if (!(step == Step.DUPLICATE && duplicates.press(t, d, data))) {
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
      t.say(IntakeTexts.ASK_WHAT_EXAMPLE);
      return;
    }
    // "文化路幸福里小区 3号楼门口" after the phone: the place, not what happened; the question stays.
    if (d.location() == null && saysOnlyWhere(text)) {
      Draft placed = d.withLocation(SlotFit.place(text));
      t.state = t.state.withDraft(Step.ASK_WHAT, placed);
      t.say(IntakeTexts.placeNoted(placed.location()));
      return;
    }
    next(t, describe(d.withText(text), text));
  }

  /** Fills what a description tells: place and phone if still missing, category, kind. */
  Draft describe(Draft d, String text) {
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
      t.say(IntakeTexts.ASK_WHERE_EXAMPLE);
      return;
    }
    String phone = Slots.phone(text);
    if (phone != null && SlotFit.onlyPhone(text)) {
      t.state = t.state.withDraft(Step.ASK_WHERE, d.withPhone(phone));
      t.say(IntakeTexts.PHONE_NOTED_ASK_WHERE);
      return;
    }
    if (Cues.declinesPhone(text) && Slots.location(text) == null) {
      // "电话不留了 有事在这说" while the bot asks where: no phone, and the place is still wanted.
      t.say(IntakeTexts.NO_PHONE_ASK_WHERE);
      return;
    }
    Draft placed = d.withLocation(SlotFit.place(text)).withPhone(d.phone() != null ? d.phone() : phone);
    if (CaseKind.URGENT.code().equals(d.kind())) {
      create(t, placed);
      return;
    }
    next(t, placed);
  }

  /** A phone sent before anything else ("我先留个电话 138…"): kept, and the bot asks what happened. */
  void startWithPhone(Turn t) {
    t.handledAs = HandledAs.REPORT;
    Draft d = new Draft(null, null, Slots.phone(t.text), null, null, t.in.photoIds(), null, false);
    t.state = t.state.withDraft(Step.ASK_WHAT, d);
    t.say(IntakeTexts.PHONE_FIRST);
  }

  /** Asks for the next missing slot, or checks for duplicates, or shows the summary. */
  private void next(Turn t, Draft d) {
    if (d.text() == null) {
      t.state = t.state.withDraft(Step.ASK_WHAT, d);
      t.say(d.photoIds().isEmpty() ? IntakeTexts.ASK_WHAT_FIRST : IntakeTexts.ASK_WHAT_AFTER_PHOTO);
      return;
    }
    boolean consultation = CaseKind.CONSULTATION.code().equals(d.kind());
    if (d.location() == null && !consultation) {
      t.state = t.state.withDraft(Step.ASK_WHERE, d);
      t.say(IntakeTexts.askWhere(d.text()));
      return;
    }
    if (!d.duplicatesChecked()) {
      List<CaseRecord> similar = cases.findSimilarOpen(d.text(), d.location(), 3);
      if (!similar.isEmpty()) {
        duplicates.offer(t, d.withDuplicates(similar.stream().map(CaseRecord::id).toList()), similar.get(0));
        return;
      }
      d = d.withDuplicates(List.of());
    }
    summary(t, d);
  }

  private void confirm(Turn t, Draft d, String text) {
    if (MessageText.confirmsSummary(text) || Cues.submitsAndGoesOn(text)) {
      create(t, d);
      return;
    }
    String a = MessageText.answer(text);
    String claimed = Cues.disputedCategory(text);
    if (claimed != null) {
      // "这事可不是停车的事 是消防隐患": the category of what the person says it is.
      summary(t, d.withCategory(classifier.category(claimed), d.kind()));
      return;
    }
    if (Cues.declinesPhone(text)) {
      // "电话不留了 有事找村委会就中", "电话不留了 俺怕房东知道": no phone (it names 电话, but changes nothing else).
      summary(t, d.withPhone(null));
      return;
    }
    if (IntakeEdits.wantsEdit(a)) {
      edits.start(t, d, a);
      return;
    }
    String other = Cues.anotherMatter(text);
    if (other != null && t.state.queued() == null && classifier.classify(other).intent() == Intent.REPORT) {
      // "还有个事 楼下有人把晾衣绳拴在两棵树中间…" at the summary: kept, and taken in once this one is settled.
      t.state = t.state.withQueued(other);
      t.say(IntakeTexts.QUEUED, CONFIRM_BUTTONS);
      return;
    }
    String phone = Slots.phone(text);
    if (phone != null) {
      // "地点还是秦江社区3号院2号楼东侧单元门口，电话137…": the place said with the phone is taken too.
      // "俺电话… 俺是4号楼楼长" after "冯春社区 长江路11号院 4号楼": the building both name keeps the estate.
      String place = Slots.location(text);
      summary(t, place == null ? d.withPhone(phone) : d.withPhone(phone).withLocation(SlotFit.refine(d.location(), place)));
      return;
    }
    if (Cues.addsDetail(text)) {
      // "再加一句 他家电动车也推楼道里充电": more about the problem, not a place, even when it names a 楼道.
      addDetail(t);
      return;
    }
    // "俺不是嫌弃老人 …就想叫社区来个人": the 社区 asked to act is no place; "西华县 红花集镇 大王庄村 …" names one.
    String numbered = Slots.location(text);
    String pointing = text.replaceAll("(?:叫|让|找|请|给|跟)(?:社区|村里|村委会?)", " ");
    if (MessageText.length(text) <= 40 && Cues.pointsAtPlace(pointing) || numbered != null && numbered.matches(".*\\d.*")
        || numbered != null && MessageText.length(text) <= 60 && !Cues.questionForm(text)) {
      // "在阳光花苑3号楼" after the summary: the person is giving the place more precisely (or its second half).
      summary(t, d.withLocation(SlotFit.refine(d.location(), SlotFit.place(text))));
      return;
    }
    t.say(IntakeTexts.CONFIRM_AGAIN, CONFIRM_BUTTONS);
  }

  /** Shows what will be filed and asks for confirmation. */
  void summary(Turn t, Draft d) {
    t.state = t.state.withDraft(Step.CONFIRM, d);
    t.say(summaryText(d), CONFIRM_BUTTONS);
  }

  /** What the draft would be filed as: category, star, kind, deadline (the code that stamps a case). */
  private CasePreview preview(Draft d) {
    return cases.preview(new NewCase(null, null, null, null, d.phone(), d.text(), d.location(), d.category(), kind(d),
        d.photoIds()));
  }

  private String summaryText(Draft d) {
    CasePreview preview = preview(d);
    String category = preview.category();
    String star = preview.star();
    CaseKind kind = preview.kind();
    Instant due = preview.dueAt();
    StringBuilder b = new StringBuilder(IntakeTexts.SUMMARY_TITLE);
    b.append(Texts.LABEL_WHAT).append(MessageText.clip(d.text(), 300)).append("\n");
    b.append(Texts.LABEL_WHERE).append(d.location() == null ? IntakeTexts.SUMMARY_NO_PLACE : d.location()).append("\n");
    b.append(Texts.LABEL_CATEGORY).append(category).append(IntakeTexts.starNote(star)).append("\n");
    b.append(IntakeTexts.SUMMARY_KIND).append(IntakeTexts.deadline(kind, CaseViews.day(due))).append("\n");
    b.append(IntakeTexts.SUMMARY_PHONE).append(d.phone() == null ? IntakeTexts.SUMMARY_NO_PHONE : d.phone());
    if (!d.photoIds().isEmpty()) b.append(IntakeTexts.summaryPhotos(d.photoIds().size()));
    b.append(IntakeTexts.SUMMARY_ASK);
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
    String queued = t.state.queued();
    t.registered = r.id();
    t.state = t.state.registered(r.id());
    if (r.kind() == CaseKind.URGENT) {
      t.say(IntakeTexts.urgentRegistered(r.id()));
    } else {
      t.say(IntakeTexts.registered(r.id(), r.category(), CaseViews.day(r.dueAt())));
    }
    if (MessageText.asksNotToBeNamed(t.text)) t.say(IntakeTexts.NOT_NAMED);
    takeUpQueued(t, queued);
  }

  /** The other matter told at the summary, once that report is filed or dropped: its own intake. */
  private void takeUpQueued(Turn t, String queued) {
    if (queued == null) return;
    t.say(IntakeTexts.NEXT_MATTER);
    startReport(t, queued, classifier.category(queued), null);
  }

  /** Words of a place said in passing ("电缆厂北院 锅炉房后头"). */
  private static final Pattern PLACE_WORD = Pattern.compile("[院楼路街村巷]|小区|社区|后头|旁边|边上|门口");

  /**
   * "电话别打 骑车接不了 有事发短信 132…" while a slot is pending: the phone is kept and the question asked again;
   * when asked where, a place said with the phone answers it.
   */
  void takePhone(Turn t) {
    t.handledAs = HandledAs.REPORT;
    String phone = Slots.phone(t.text);
    Draft d = t.state.draft().withPhone(phone);
    // "也是电缆厂北院 锅炉房后头 电话还是那个158…" when asked where: the place said with the phone is the answer.
    String rest = t.text.replace(phone, " ").replaceAll("(?:电话|手机号?|号码)(?:还是|就是|是)?(?:那个|这个)?", " ").strip()
        .replaceFirst("^(?:也是|还是|就是|就在|也在)", "");
    if (t.state.step() == Step.ASK_WHERE && (Cues.pointsAtPlace(rest) || PLACE_WORD.matcher(rest).find())
        && !Cues.questionForm(rest)) {
      next(t, d.withLocation(SlotFit.place(rest)));
      return;
    }
    t.state = t.state.withDraft(t.state.step(), d);
    switch (t.state.step()) {
      case ASK_WHAT -> t.say(IntakeTexts.PHONE_FIRST);
      case ASK_WHERE -> t.say(IntakeTexts.PHONE_NOTED_ASK_WHERE);
      default -> prompt(t, d);
    }
  }

  /** Repeats the question of the current step (after a photo, or an answer that did not fit). */
  void prompt(Turn t, Draft d) {
    switch (t.state.step()) {
      case ASK_WHAT -> t.say(IntakeTexts.ASK_WHAT_AGAIN);
      case ASK_WHERE -> t.say(IntakeTexts.ASK_WHERE_AGAIN);
      case DUPLICATE -> duplicates.ask(t, d);
      case CONFIRM -> t.say(summaryText(d), CONFIRM_BUTTONS);
      case EDIT_CHOICE -> t.say(IntakeTexts.WHICH_FIELD, IntakeEdits.EDIT_BUTTONS);
      case EDIT_WHAT -> t.say(IntakeTexts.REDESCRIBE_AGAIN);
      case EDIT_WHERE -> t.say(IntakeTexts.NEW_PLACE_AGAIN);
      case EDIT_PHONE -> t.say(IntakeTexts.NEW_PHONE_AGAIN);
      default -> { }
    }
  }
}
