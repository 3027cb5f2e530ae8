package cn.fivestar.conversation;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.conversation.DialogState.Step;
import cn.fivestar.conversation.intent.Classification;
import cn.fivestar.conversation.intent.Intent;
import cn.fivestar.conversation.intent.IntentClassifier;
import java.util.List;
import java.util.Optional;

/**
 * Decides what one message is, given where the conversation stands, and hands it to exactly one handler: a button
 * press, a staff command, a keyboard action, a cancel, a correction of the report under way, the answer to the
 * question the bot is waiting for (a place, a phone, a confirmation, a duplicate choice, a score), a status check, a
 * rating in words, an urgent danger, a new question, a follow-up, a new report (with an answer when the person also
 * asked who handles it), or small talk.
 *
 * <p>A pending slot is filled only by a message that fits it; anything else is handled as what it is, and the
 * report waits, with one line saying where it stands.
 */
final class TurnDecision {
  /** Up to this long, "算了 还是报吧" says nothing but that. */
  private static final int RESUME_ONLY = 12;
  /** Up to this long, "恁给俺反映反映 这不公平" asks to file what was told before rather than telling a new matter. */
  private static final int FILE_REQUEST_CHARS = 40;

  private final IntentClassifier classifier;
  private final Intake intake;
  private final Questions questions;
  private final Status status;
  private final Rating rating;
  private final Commands commands;

  TurnDecision(IntentClassifier classifier, Intake intake, Questions questions, Status status, Rating rating,
               Commands commands) {
    this.classifier = classifier;
    this.intake = intake;
    this.questions = questions;
    this.status = status;
    this.rating = rating;
    this.commands = commands;
  }

  void route(Turn t) {
    String data = t.in.callbackData();
    String aside;
    if (data != null && !data.isBlank()) {
      button(t, data.strip());
    } else if (t.text.isEmpty() && t.in.photoIds().isEmpty()) {
      t.handledAs = HandledAs.CHITCHAT;
      t.say(Texts.EMPTY);
    } else if (Cues.holds(t.text) && t.state.step() == Step.CONFIRM) {
      // "先别提交 等会儿 俺去问问隔壁几家": the summary waits for the person to come back.
      t.handledAs = HandledAs.REPORT;
      t.say(IntakeTexts.HOLDING);
    } else if (MessageText.isCancel(t.text)
        || Cues.dropsReport(t.text) && pending(t.state) && !Cues.resumesReport(t.text) && !Cues.asksLettingOff(t.text)
            // "算了 我电话也不留了 你们去协调吧": only the phone is given up.
            && !(t.state.inIntake() && Cues.declinesPhone(t.text))) {
      cancel(t);
    } else if (t.text.startsWith("/")) {
      commands.handle(t);
    } else if ((aside = aside(t)) != null) {
      t.handledAs = HandledAs.ANSWER;
      t.say(aside);
      if (t.state.inIntake()) t.say(intake.waitingLine(t));
    } else if (Keyboards.command(t.text, t.role()) != null) {
      commands.handle(t, Keyboards.command(t.text, t.role()));
    } else if (Keyboards.action(t.text) != null) {
      keyboard(t, Keyboards.action(t.text));
    } else if (t.state.inIntake()) {
      duringReport(t);
    } else {
      fresh(t);
    }
    // The "just registered" memory lasts one message: only a phone or a repeated 确认 right after it uses it.
    // An urgent case still without its place keeps it while the person goes on about the emergency.
    if (t.registered == null && t.handledAs != HandledAs.CHITCHAT && !t.urgentOngoing) t.state = t.state.forgetLastCase();
    // So does a dropped report: only "不对 还是报吧" right after dropping it takes it up again.
    if (!t.dropped) t.state = t.state.forgetDropped();
    // And a refusal: only insisting right after it gets it again.
    if (!t.refusedNow && t.state.refused() != null) t.state = t.state.withRefused(null);
  }

  /**
   * A reply that stands aside from whatever is under way (a waiting report stays, with one line saying so), or null:
   * an attempt to steer the bot ("[SYSTEM] 调试模式…"; a report naming its place goes on as a report, the injected
   * words only part of its text); and, for residents, someone else's case ("对门宋奶奶家让我帮着问问 …办到哪一步了":
   * only the reporter sees it), whether to call 120 ("要不要先打120": yes, now), a threat coming back ("他要是今晚还来
   * 咋办": what to do at once) and a link asking for ID or card numbers, or a caller wanting money moved to a "安全账户"
   * (a scam: what to do).
   */
  private static String aside(Turn t) {
    if (Cues.steersTheBot(t.text) && Slots.location(t.text) == null) return Texts.NOT_STEERABLE;
    if (t.role().isStaff()) return null;
    if (Cues.asksOthersCase(t.text)) return Texts.OTHERS_CASE_PRIVATE;
    if (Cues.asksWhetherToCallEmergency(t.text)) return Texts.CALL_NOW;
    // A link asking for ID or card numbers is a scam whatever it promises: what to do comes first.
    if (Cues.asksAboutScam(t.text)) return Texts.SCAM_WARNING;
    if (Cues.tellsOfTransferScam(t.text)) return Texts.TRANSFER_SCAM_WARNING;
    return Cues.fearsThreat(t.text) ? Texts.IF_THREATENED : null;
  }

  /** What nobody gets through the bot, with the polite reason; null when the message asks none of it. */
  private static String refusal(Turn t) {
    String text = t.text;
    // Nobody is shown another resident's phone or address; the same problem can simply be reported again.
    if (Cues.asksOthersContact(text)) return Texts.OTHERS_CONTACT_PRIVATE;
    if (t.role().isStaff()) return null;
    // Who reported is never told, nor confirmed by a guess.
    if (Cues.asksWhoReported(text)) return Texts.REPORTER_CONFIDENTIAL;
    // Whether a case is handled is for staff to record after checking, whoever says so here.
    if (Cues.setsCaseStatus(text)) return Texts.STATUS_BY_STAFF;
    // Staff see cases under their own accounts; a claim in a resident's chat opens nothing.
    return Cues.claimsStaffForCases(text) ? Texts.STAFF_ACCOUNT_ONLY : null;
  }

  private static boolean pending(DialogState s) {
    return s.step() != Step.IDLE;
  }

  // ---------------------------------------------------------------- a report is under way

  private void duringReport(Turn t) {
    String text = t.text;
    String other = Cues.switchedMatter(text);
    if (other != null && t.state.draft().text() != null) {
      intake.replaceMatter(t, other);
      return;
    }
    Cues.Edit edit = Cues.edit(text);
    if (edit == null) edit = Cues.replacement(text);
    if (edit != null && t.state.draft().text() != null) {
      intake.applyEdit(t, edit);
      return;
    }
    if (Cues.asksProgress(text) || IntentClassifier.TRACKING_NUMBER.matcher(text).find()) {
      status.handle(t);
      t.say(intake.waitingLine(t));
      return;
    }
    // "你帮我查下楼上那家电话 …他身份证号我有": nobody's data is looked up, mid-report either; the report waits.
    if (Cues.asksOthersContact(text) && Slots.location(text) == null) {
      t.handledAs = HandledAs.ANSWER;
      t.say(Texts.OTHERS_CONTACT_PRIVATE);
      t.say(intake.waitingLine(t));
      return;
    }
    if (Cues.asksConfidential(text) && !MessageText.confirmsSummary(text)) {
      // "恁得给俺保密啊 不会叫老郭家知道是俺说哩吧": reassured, and the report waits as it was.
      t.handledAs = HandledAs.REPORT;
      t.say(IntakeTexts.NOT_NAMED);
      t.say(intake.waitingLine(t));
      return;
    }
    Urgency danger = Urgency.of(text);
    if (danger != null) {
      intake.startUrgent(t, danger);
      return;
    }
    if (Cues.stalls(text)) {
      t.handledAs = HandledAs.REPORT;
      t.say(IntakeTexts.TAKE_YOUR_TIME);
      return;
    }
    if (Cues.impatient(text) && !Cues.saysBye(text) && Slots.location(text) == null && Slots.phone(text) == null) {
      // "恁这是啥破玩意儿 问来问去哩": an apology, and only what is still needed.
      t.handledAs = HandledAs.REPORT;
      t.say(IntakeTexts.SORRY_FOR_QUESTIONS);
      intake.prompt(t, t.state.draft());
      return;
    }
    if (Cues.asksToRepeat(text) && t.state.draft().text() != null) {
      // "你再发一遍刚才那个 我这手机屏碎了没看清": the question the bot waits on, again.
      t.handledAs = HandledAs.REPORT;
      intake.prompt(t, t.state.draft());
      return;
    }
    // "恁问这弄啥", "留电话弄啥 不会推销吧", "问俺在哪？…说了也白说": why it is asked, and the question again.
    Step asking = t.state.step();
    if ((Cues.asksWhyAsked(text) || asking == Step.ASK_WHERE && Cues.exasperated(text)) && Slots.location(text) == null
        && Slots.phone(text) == null && (asking == Step.ASK_WHERE || asking == Step.CONFIRM)) {
      t.handledAs = HandledAs.REPORT;
      t.say(Cues.aboutPhone(text) ? IntakeTexts.WHY_PHONE : IntakeTexts.WHY_WHERE);
      if (asking == Step.CONFIRM) intake.prompt(t, t.state.draft());
      return;
    }
    if (Cues.asksWhoseJob(text) && Slots.location(text) == null && t.state.draft().text() != null) {
      // "这归物业管还是归社区管": who handles this kind of problem, and the report goes on.
      intake.sayWhoHandles(t);
      t.say(intake.waitingLine(t));
      return;
    }
    if (Cues.asksHowLong(text)) {
      intake.sayHowLong(t);
      t.say(intake.waitingLine(t));
      return;
    }
    Classification c = text.isEmpty() ? null : classifier.classify(text);
    boolean smallTalk = SmallTalk.isPleasantry(text)
        && (t.state.step() == Step.ASK_WHAT || t.state.step() == Step.ASK_WHERE);
    // What happened, told as a story with a rhetorical question ("这路是晒粮食哩还是走人哩"), answers "what happened?";
    // a numbered place answers "where?" or corrects the summary, whatever grumbling comes with it.
    boolean story = t.state.step() == Step.ASK_WHAT && c != null && c.intent() == Intent.REPORT
        && (Cues.tellsStory(text) || Cues.exasperated(text));
    String place = Slots.location(text);
    boolean numberedPlace = (t.state.step() == Step.ASK_WHERE || t.state.step() == Step.CONFIRM)
        && place != null && place.matches(".*\\d.*") && !text.contains("？") && !text.contains("?");
    boolean disputes = t.state.step() == Step.CONFIRM && Cues.disputedCategory(text) != null;
    // "村口那几个大垃圾桶 半个多月没人来拉了 满哩往外淌…" while the bot asks where: more of what happened, with place
    // words (村口, 楼道) but no place to find — kept with the description, and the place asked again.
    if (t.state.step() == Step.ASK_WHERE && place == null && Cues.tellsStory(text) && SlotFit.mostlyStory(text)
        && Slots.phone(text) == null && !Cues.questionForm(text) && !Cues.asksBotToMake(text)
        && c != null && c.intent() == Intent.REPORT) {
      intake.addDetail(t);
      return;
    }
    if (!smallTalk && (story || numberedPlace || disputes || intake.fits(t))) {
      intake.handle(t);
      return;
    }
    // A phone said with remarks ("电话别打 骑车接不了 有事发短信 132…") while the bot waits for something else.
    Step step = t.state.step();
    if (Slots.phone(text) != null && place == null && !text.contains("？") && !text.contains("?")
        && (step == Step.ASK_WHAT || step == Step.ASK_WHERE || step == Step.CONFIRM)) {
      intake.takePhone(t);
      return;
    }
    if (smallTalk || (Cues.acknowledges(text) || Cues.thanks(text)) && Slots.location(text) == null) {
      SmallTalk.reply(t);
    } else if ((Cues.addsDetail(text) || Cues.asksToFile(text)) && t.state.draft().text() != null) {
      // "再补充一句 能不能让物业以后通知也发到楼栋群里", "恁给俺反映反映 这不公平 …咋能自己人先占": more for the
      // report under way, however it is worded.
      intake.addDetail(t);
      return;
    } else if (Cues.asksWhichStar(text) && t.state.draft().text() != null) {
      intake.tellStar(t);
    } else if (Cues.questionForm(text)) {
      questions.answer(t, text);
    } else if (c != null && c.intent() == Intent.STATUS) {
      status.handle(t);
    } else if (MessageText.isYes(text) || MessageText.isNo(text)) {
      // "确认" before the report is complete: ask again for what is missing.
      t.handledAs = HandledAs.REPORT;
      intake.prompt(t, t.state.draft());
      return;
    } else {
      // More about the problem while the bot waits for the place: keep it with the description, ask again.
      intake.addDetail(t);
      return;
    }
    t.say(intake.waitingLine(t));
  }

  // ---------------------------------------------------------------- nothing under way

  private void fresh(Turn t) {
    String text = t.text;
    DialogState s = t.state;
    if (s.dropped() != null && Cues.resumesReport(text)) {
      intake.resume(t, s.dropped());
      return;
    }
    switch (s.step()) {
      case OFFER_LOG -> {
        if (MessageText.isAccept(text)) {
          intake.startConsultation(t, s.pendingQuestion());
          return;
        }
        // "算了 还是给我记一笔吧 不光问卷的事 上礼拜六…": a change of mind towards filing, often telling more;
        // "那恁给俺登记一下吧 请社区出面调解": yes to the offer, in the person's words.
        // A request that tells a matter of its own ("那恁给记上吧 叫物业赶紧去弄年检") is that report.
        Classification own = classifier.classify(text);
        if (Cues.asksToFile(text) && !Cues.filesThisMatter(text) && own.intent() == Intent.REPORT
            && !Taxonomy.OTHER.equals(own.category())) {
          intake.startReport(t, own.category(), null);
          return;
        }
        if (Cues.resumesReport(text) || Cues.asksToFile(text)) {
          String told = s.pendingQuestion() + (MessageText.length(text) > RESUME_ONLY ? "\n" + text : "");
          intake.startReport(t, told, classifier.category(told), null);
          return;
        }
        if (MessageText.isNo(text)) {
          t.handledAs = HandledAs.CHITCHAT;
          t.state = s.reset();
          t.say(Texts.OK_ANYTHING_ELSE);
          return;
        }
      }
      case ASK_QUESTION -> {
        if (MessageText.hasWords(text)) {
          t.state = s.reset();
          questions.answer(t, text);
          return;
        }
      }
      case RATE_SCORE -> {
        Integer score = Cues.score(text);
        if (score != null) {
          rate(t, s.ratingCaseId(), score);
          return;
        }
      }
      case FEEDBACK_REASON -> {
        // What was missing is often said as a question ("我们小区有没有"): it is the reason, unless it is clearly
        // something else (a danger, a progress check, a report naming a house number).
        String place = Slots.location(text);
        if (Urgency.of(text) == null && !Cues.asksProgress(text) && (place == null || !place.matches(".*\\d.*"))) {
          questions.reason(t, text);
          return;
        }
      }
      case RATE_COMMENT -> {
        // "行 就这 再见": leaving, with no remark to add to the rating.
        if (Cues.saysBye(text)) break;
        // "那就给五分 孩子也敢洗澡了": a score after "满意" replaces the one read from the words.
        Integer again = Cues.score(text);
        if (again != null && s.ratingCaseId() != null) {
          rate(t, s.ratingCaseId(), again);
          return;
        }
        // "就是说一声 下回来人态度好点": a remark on the service, whatever the intent model reads into it.
        if (Cues.remarksOnService(text) && Slots.location(text) == null && Urgency.of(text) == null) {
          rating.comment(t, text);
          return;
        }
        if (!Cues.questionForm(text) && Urgency.of(text) == null && !Cues.asksProgress(text)
            && classifier.classify(text).intent() != Intent.REPORT) {
          rating.comment(t, text);
          return;
        }
      }
      default -> { }
    }
    // Anything else is a new message; an offer or rating question still pending simply lapses.
    t.state = s.reset();
    if (text.isEmpty()) {
      intake.startPhoto(t);
      return;
    }
    if (s.lastCase() != null && Urgency.of(text) == null
        && (SlotFit.onlyPhone(text) || Cues.placeOnly(text) || Slots.phone(text) != null && Cues.urges(text)
            || intake.urgent(s.lastCase()) && (!Cues.questionForm(text) || Cues.hesitatesToCall(text)) && !Cues.thanks(text)
                && (!MessageText.isYes(text) || Cues.urges(text)) && !Cues.signsOff(text) && Cues.switchedMatter(text) == null
                && Cues.anotherMatter(text) == null)) {
      intake.addToCase(t, s.lastCase());
      // "俺不敢打110 万一他是走亲戚去了": calling is no fuss when someone may be hurt; staff have it too.
      if (intake.urgent(s.lastCase()) && Cues.hesitatesToCall(text)) t.say(Texts.CALL_ANYWAY);
      return;
    }
    Urgency danger = Urgency.of(text);
    if (danger != null) {
      intake.startUrgent(t, danger);
      return;
    }
    // "另外补充一下 白天基本不响 都是夜里十一点以后": more about the person's own open report, not a new one.
    // "刚才楼号说错了 不是7号楼 是9号楼 能改不": a correction of it, for its staff to see.
    Optional<String> own = Cues.addsDetail(text) || Cues.withdraws(text) || Cues.correctsFiled(text)
        ? status.latestOwnOpen(t) : Optional.empty();
    if (own.isPresent()) {
      if (Cues.withdraws(text)) intake.withdraw(t, own.get()); else intake.addToCase(t, own.get());
      return;
    }
    if (ratedInWords(t)) return;
    if ((Cues.asksConfidential(text) || Cues.fearsRetaliation(text)) && status.hasCases(t) && Slots.location(text) == null
        && !Cues.asksProgress(text)) {
      // "报了会不会叫人知道是俺说哩", "会不会叫社区记恨俺": reporters are never named, and may say so if paid back.
      t.handledAs = HandledAs.ANSWER;
      t.say(Cues.fearsRetaliation(text) ? IntakeTexts.NO_RETALIATION : IntakeTexts.NOT_NAMED);
      return;
    }
    // "恁说这事跟那五颗星有关系没 算哪颗星哩" right after filing: the star of the case just filed.
    if (s.lastCase() != null && Cues.asksWhichStar(text) && intake.tellCaseStar(t, s.lastCase())) return;
    if (Cues.asksWhatNext(text) && (s.lastCase() != null || status.hasCases(t))) {
      // "然后呢 谁来管 不会就是登记一下就完了吧": what happens to a filed report.
      t.handledAs = HandledAs.ANSWER;
      t.say(Texts.WHAT_NEXT);
      return;
    }
    if (Cues.threatens(text) && Urgency.of(text) == null) {
      // Nobody is found for anyone through the bot; a dispute can be mediated.
      t.handledAs = HandledAs.CHITCHAT;
      t.say(Texts.NO_THREATS);
      return;
    }
    String refusal = refusal(t);
    // "那恁就说个是或者不是 这都不中?" right after a refusal: the same refusal, not an answer about something else.
    if (refusal == null && s.refused() != null && Cues.insists(text)) refusal = s.refused();
    if (refusal != null) {
      t.handledAs = HandledAs.ANSWER;
      t.say(refusal);
      t.state = t.state.withRefused(refusal);
      t.refusedNow = true;
      return;
    }
    String other = Cues.anotherMatter(text);
    // "还有 有没有那种老人能吃饭哩地方": a plain 还有 before a question asks it; "还有个事 …" announces a matter.
    boolean asksIt = other != null && Cues.questionForm(other) && !Cues.announcesMatter(text);
    if (other != null && !asksIt && classifier.classify(other).intent() == Intent.REPORT) {
      // "中 谢谢恁 哎 还有个事 院里…": thanks for the last one, then a new matter to file.
      intake.startReport(t, other, classifier.category(other), null);
      return;
    }
    // "房东大娘问下水道那事咋样了 她还叫俺问问恁是真人不": the case first (the progress check below).
    boolean botAsked = Cues.aboutTheBot(text) && !(Cues.asksProgress(text) && status.hasCases(t));
    if (Cues.dropsReport(text) && !Cues.asksLettingOff(text) || botAsked || SmallTalk.isPleasantry(text)
        || Cues.scolds(text) || Cues.thanksWithRelief(text) && Urgency.of(text) == null
        || Cues.praisesBot(text) || Cues.greets(text) || Cues.saysBye(text) || Cues.wantsToChat(text)
        || Cues.sentByMistake(text)
        || Cues.waits(text) && Slots.location(text) == null
        // "多谢恁啊 这下能睡个囫囵觉了" right after registering: thanks, not a new problem.
        || (s.lastCase() != null || s.step() == Step.RATE_SCORE || s.step() == Step.RATE_COMMENT)
            && Cues.thanks(text) && Slots.location(text) == null && Urgency.of(text) == null) {
      SmallTalk.reply(t);
      return;
    }
    if (Slots.contentFree(text)) {
      // "有个事想跟恁说说 憋屈好些天了": a report is coming; ask what happened.
      intake.startReport(t, Taxonomy.OTHER, null);
      return;
    }
    if (SlotFit.onlyPhone(text) || Slots.phone(text) != null && SmallTalk.isPleasantry(text.replace(Slots.phone(text), ""))
        || Cues.offersPhone(text)) {
      intake.startWithPhone(t);
      return;
    }
    Classification c = classifier.classify(text);
    if (c.intent() == Intent.CHITCHAT && MessageText.length(text) <= 8 && !Cues.questionForm(text)
        && !FollowUp.leansOnPrevious(text, s.questions())) {
      SmallTalk.reply(t);
      return;
    }
    String[] parts = Cues.reportThenQuestion(text);
    // "我是郑州大学的学生…想先问问城市社区的五星是哪五颗": what comes before "问问" introduces the question.
    // "俺是社区书记 想问问…": who is asking, not a report.
    if (parts != null && classifier.classify(parts[0]).intent() == Intent.REPORT && !Cues.saysItAsks(text)
        && !Cues.statesRole(parts[0])) {
      // "楼道灯坏了 顺便问一下…": the report goes on, and the question is answered too.
      intake.startReport(t, parts[0], classifier.category(parts[0]), null);
      questions.answer(t, parts[1]);
      t.handledAs = HandledAs.REPORT;
      return;
    }
    String[] matters = Cues.twoMatters(text);
    if (matters != null && Cues.asksProgress(matters[0]) && classifier.classify(matters[1]).intent() == Intent.REPORT) {
      // "秋千那个咋还没修 还有 院门口又有车把路堵死了": the status, then the new report.
      status.handle(t);
      intake.startReport(t, matters[1], classifier.category(matters[1]), null);
      return;
    }
    // "中 那下回让他们先给社区打个电话": an acknowledgement with a remark naming no kind of problem and no place.
    // Staff acknowledging an answer ("明白了 我们照着弄") report nothing either.
    boolean remark = ("其他".equals(c.category()) || Cues.plansToAct(text) || t.role().isStaff() || Cues.thanks(text)
        || MessageText.length(text) <= 8) && (Slots.location(text) == null || Cues.closesWithThanks(text));
    if (Cues.acknowledges(text) && (c.intent() != Intent.REPORT || remark) || Cues.checksThenActs(text)) {
      SmallTalk.reply(t);
      return;
    }
    boolean progress = c.intent() == Intent.STATUS || Cues.asksProgress(text);
    // "寄过去多长时间能有回音" from someone who never reported anything, naming no report or number of theirs, asks
    // about the documents, not a case.
    // (The case store is asked only when the words call for it: not for every question.)
    boolean aboutDocuments = progress && Cues.questionForm(text) && !Cues.refersToOwnReport(text)
        && !IntentClassifier.TRACKING_NUMBER.matcher(text).find() && !status.hasCases(t);
    if (progress && !aboutDocuments || Cues.asksHowLong(text) && status.hasOpenCases(t)
        || Cues.asksAfterOwnMatter(text) && status.hasCases(t)) {
      status.handle(t);
      return;
    }
    // "这事恁给反映反映 天天这样谁受得了" after telling it as a question: that story is the report.
    List<String> asked = s.questions();
    String told = asked.isEmpty() ? null : asked.get(asked.size() - 1);
    if ((Cues.filesThisMatter(text) || Cues.asksToFile(text) && MessageText.length(text) <= FILE_REQUEST_CHARS)
        && told != null && classifier.classify(told).intent() == Intent.REPORT) {
      intake.startReport(t, told + "\n" + text, classifier.category(told), null);
      return;
    }
    // "俺在刘寨街跟大学路交叉口往西 路北那排门面房 第三家 开五金店哩": where the person is, no problem yet.
    if (intake.saysOnlyWhere(text)) {
      intake.startAtPlace(t);
      return;
    }
    if (Cues.questionForm(text)) {
      question(t, c);
      return;
    }
    // Staff going on from an answer ("那写字楼里的两新组织呢 党员都是年轻人") ask more; they rarely report.
    if (c.intent() != Intent.REPORT && FollowUp.leansOnPrevious(text, s.questions())
        || t.role().isStaff() && FollowUp.turnsBack(text, s.questions())) {
      questions.answer(t, text);  // "平安法治星呢", "有没有村里的例子": more of the last answer
      return;
    }
    if (c.intent() == Intent.REPORT && Cues.asksBotToMake(text) && !classifier.aboutCommunityLife(text)
        && Slots.location(text) == null) {
      // "帮俺孩子写篇作文", "帮我写个请假条": a request outside community life, naming no place, is no problem to
      // file; the answerer says what it can do and offers to pass it on.
      questions.answer(t, text);
      return;
    }
    // Staff letting off steam about the workload ("材料一摞一摞哩 累死个人") report nothing.
    if (c.intent() == Intent.REPORT && t.role().isStaff() && Cues.ventsAboutWork(text) && Slots.location(text) == null) {
      t.handledAs = HandledAs.CHITCHAT;
      t.say(Texts.HARD_WORK);
      return;
    }
    switch (c.intent()) {
      case REPORT -> intake.startReport(t, c.category(), Cues.asksWhoHandles(text) ? IntakeTexts.whoHandles(c.category()) : null);
      case QUESTION -> questions.answer(t, text);
      case STATUS -> status.handle(t);
      case CHITCHAT -> SmallTalk.reply(t);
    }
  }

  /**
   * A message asked as a question. Asking who handles a problem the person reports is a report, with who handles it;
   * otherwise the documents answer it when they can (and a need of the person's own is offered to staff), and a
   * question they cannot answer that describes a problem becomes a report.
   */
  private void question(Turn t, Classification c) {
    String text = t.text;
    // Staff asking how something is done are asking the documents, not reporting; nor is a question pointing back at
    // the answer just given ("那个小分队平常都干啥 管不管小偷").
    boolean report = c.intent() == Intent.REPORT && !t.role().isStaff()
        && !(Cues.pointsBack(text) && !t.state.questions().isEmpty()) && !Cues.hypothetical(text)
        && !Cues.asksInGeneral(text) && !Cues.asksSupportForPlan(text)
        // "还有个事想问问 …社区有没有人能常上门看看老人": said to be a question.
        && !Cues.saysItAsks(text);
    if (report && (Cues.asksToReport(text) || Cues.asksToFile(text))) {
      // "恁这能直接报不 … 对门在院里搭了个铁皮棚子": yes — the report starts with what was said.
      intake.startReport(t, c.category(), null);
      return;
    }
    // "老年卡在哪办 要带啥 该找谁咨询": whom to ask about a service, not who handles a problem.
    if (report && Cues.asksWhoHandles(text) && !GroundedAnswerer.asksEverydayService(text)) {
      intake.startReport(t, c.category(), IntakeTexts.whoHandles(c.category()));
      return;
    }
    // "听说纬五路13号院改得可好了 …他们那是咋改哩": how another place did it, whatever house number it names.
    if (report && !Cues.asksHowOthersDid(text)
        && (Slots.phone(text) != null || Slots.location(text) != null && Slots.location(text).matches(".*\\d.*"))) {
      // A house number or a phone: the person is reporting a problem there, not asking about policy.
      intake.startReport(t, c.category(), null);
      return;
    }
    Answer a = questions.ask(t, text);
    // A refused service question ("优待卡能办不") is a question to pass on, not a problem to locate and file.
    if (report && !a.answered() && classifier.aboutCommunityLife(text) && !GroundedAnswerer.asksEverydayService(text)
        && !Cues.asksIfTrue(text)) {
      intake.startReport(t, c.category(), null);
      return;
    }
    // "…前儿黑还从俺脚面上蹿过去 这叫啥事啊 谁受得了啊": a story of a problem the documents only touch on is told to
    // be dealt with; its closing question is the person's exasperation.
    if (report && Cues.tellsStory(text) && (Cues.exasperated(text) || Cues.announcesMatter(text))
        && (!a.answered() || a.tentative())
        && !GroundedAnswerer.asksEverydayService(text)
        && !Cues.asksIfTrue(text)) {
      intake.startReport(t, c.category(), null);
      return;
    }
    questions.reply(t, text, a, report, "");
  }

  /** A score or "没修好" in plain words about the person's latest closed case. */
  /** A score; "给你们打五分 对了 还有个事 车棚那充电线老打火花…": another matter told with it is a new report. */
  private void rate(Turn t, String caseId, int score) {
    rating.rate(t, caseId, score, t.text);
    String other = Cues.matterAfter(t.text);
    if (other != null && classifier.classify(other).intent() == Intent.REPORT) {
      intake.startReport(t, other, classifier.category(other), null);
    }
  }

  private boolean ratedInWords(Turn t) {
    String text = t.text;
    // "弄走了 …恁说俺打几分合适": how the scores go, then the score asked for this case.
    if (Cues.asksWhatScore(text)) {
      Optional<CaseRecord> unrated = rating.latestUnrated(t);
      if (unrated.isPresent()) {
        t.handledAs = HandledAs.RATING;
        t.state = t.state.rating(Step.RATE_SCORE, unrated.get().id(), null);
        t.say(Texts.HOW_TO_SCORE, Ratings.buttons(unrated.get().id()));
        return true;
      }
    }
    Integer score = Cues.score(text);
    boolean unsolved = Cues.notFixed(text);
    if (score == null && !unsolved) return false;
    if (score != null) {
      Optional<CaseRecord> unrated = rating.latestUnrated(t);
      if (unrated.isPresent()) {
        rate(t, unrated.get().id(), score);
        return true;
      }
      Optional<String> open = score <= Rating.LOW && Cues.givesScore(text) ? status.latestOwnOpen(t) : Optional.empty();
      if (open.isPresent()) {
        rating.remarkOnOpen(t, open.get(), text);
        return true;
      }
    }
    if (unsolved) {
      Optional<CaseRecord> closed = rating.latestClosed(t);
      if (closed.isPresent()) {
        rating.notSolved(t, closed.get(), text);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- buttons, keyboard, cancel

  private void button(Turn t, String data) {
    if (data.equals(Intake.CANCEL)) {
      cancel(t);
    } else if (data.startsWith(Commands.TAKE)) {
      commands.pressTake(t, data.substring(Commands.TAKE.length()));
    } else if (data.startsWith(Rating.RATE)) {
      String[] p = data.split(":");
      Integer score = p.length == 3 ? Ratings.score(p[2]) : null;
      if (score == null) {
        t.handledAs = HandledAs.RATING;
        t.refuse(Texts.NOT_UNDERSTOOD);
      } else {
        rating.rate(t, p[1], score, null);
        if (t.state.inIntake()) intake.prompt(t, t.state.draft());
      }
    } else if (data.equals(Rating.SKIP) && t.state.step() == Step.RATE_COMMENT) {
      rating.comment(t, Texts.BUTTON_SKIP);
    } else if (data.startsWith(Questions.HELPFUL) || data.startsWith(Questions.NOT_HELPFUL)) {
      questions.vote(t, data);
    } else if (data.equals(Questions.LOG_YES) || data.equals(Questions.LOG_NO)) {
      if (t.state.step() != Step.OFFER_LOG) {
        t.handledAs = HandledAs.CHITCHAT;
        t.refuse(Texts.STALE_OFFER_BUTTON);
      } else if (data.equals(Questions.LOG_YES)) {
        intake.startConsultation(t, t.state.pendingQuestion());
      } else {
        t.handledAs = HandledAs.CHITCHAT;
        t.state = t.state.reset();
        t.say(Texts.OK_ANYTHING_ELSE);
      }
    } else {
      intake.callback(t, data);
    }
  }

  private void cancel(Turn t) {
    Step step = t.state.step();
    if (t.state.inIntake()) {
      intake.cancel(t);
    } else if (step == Step.IDLE) {
      SmallTalk.nothingToCancel(t);
    } else {
      t.handledAs = step == Step.RATE_COMMENT || step == Step.RATE_SCORE ? HandledAs.RATING
          : step == Step.FEEDBACK_REASON ? HandledAs.ANSWER : HandledAs.CHITCHAT;
      t.state = t.state.reset();
      t.say(step == Step.RATE_COMMENT ? Texts.RATING_DONE : Texts.OK_ANYTHING_ELSE);
    }
  }

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
    if (dropped) t.say(Texts.REPORT_DROPPED);
    switch (action) {
      case Keyboards.ASK -> {
        t.handledAs = HandledAs.ANSWER;
        t.state = t.state.askingQuestion();
        t.say(Texts.ASK_AWAY);
      }
      case Keyboards.STATUS -> status.handle(t);
      default -> questions.reply(t, Keyboards.STARS_QUESTION, questions.ask(t, Keyboards.STARS_QUESTION), false,
          Texts.STARS_TAIL);
    }
  }
}
