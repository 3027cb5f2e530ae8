package cn.fivestar.conversation;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.conversation.DialogState.Step;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 回访: scores and comments on closed cases, in buttons or plain words. A score of 1–2 or "没修好" is never just
 * thanked: the case is handled again (重办) with the reason, or — by configuration — passed to a supervisor to decide.
 */
public final class Rating {
  static final String RATE = "rate:";
  static final String SKIP = "skip";
  /** Scores at or below this reopen the case. */
  static final int LOW = 2;

  /** What a low score or "not fixed" does: reopen the case, or ask a supervisor (FIVESTAR_REOPEN=supervisor). */
  public enum OnUnsolved { REOPEN, SUPERVISOR }

  private final CaseService cases;
  private final Notifier notifier;
  private final OnUnsolved onUnsolved;

  Rating(CaseService cases, Notifier notifier, OnUnsolved onUnsolved) {
    this.cases = cases;
    this.notifier = notifier;
    this.onUnsolved = onUnsolved;
  }

  /** The closed case this person most recently reported and has not rated yet. */
  Optional<CaseRecord> latestUnrated(Turn t) {
    return ownClosed(t).filter(r -> r.rating() == null);
  }

  /** The closed case this person reported most recently (rated or not): what "没修好" is about. */
  Optional<CaseRecord> latestClosed(Turn t) {
    return ownClosed(t);
  }

  private Optional<CaseRecord> ownClosed(Turn t) {
    List<CaseRecord> mine = cases.listByReporter(t.channel, t.userId);
    return mine.stream()
        .filter(r -> CaseViews.isReporter(r, t.channel, t.userId) && r.status() == CaseStatus.CLOSED)
        .max(Comparator.comparing(CaseRecord::updatedAt));
  }

  /** A score for a case; a low one (or one said with "没修好") reopens it. */
  void rate(Turn t, String caseId, int score, String words) {
    t.handledAs = HandledAs.RATING;
    CaseRecord r = cases.rate(caseId, t.channel, t.userId, score, null);
    boolean unsolved = score <= LOW || (words != null && Cues.notFixed(words));
    if (unsolved) {
      unsolved(t, r, Texts.lowScore(score, words == null ? null : MessageText.clip(words, 200)));
      return;
    }
    if (t.state.inIntake()) {
      t.say(Texts.thanksForScore(score) + Texts.BACK_TO_REPORT);
      return;
    }
    // "给你们打五分 对了 还有个事…": the other matter comes next, not a comment on this one.
    if (words != null && Cues.matterAfter(words) != null) {
      t.say(Texts.thanksForScore(score));
      return;
    }
    t.state = t.state.rating(Step.RATE_COMMENT, r.id(), score);
    t.say(Texts.thanksForScore(score) + Texts.ANY_COMMENT, List.of(List.of(new Button(Texts.BUTTON_SKIP, SKIP))));
  }

  /** "没修好" about a closed case, with or without a score. */
  /**
   * "这回给恁打一分 光喷一回药管啥用": a low score while the person's case is open again is no rating yet (only a
   * closed case is rated); the words go to the staff handling it.
   */
  void remarkOnOpen(Turn t, String caseId, String words) {
    t.handledAs = HandledAs.RATING;
    cases.addNote(caseId, t.actor(), Texts.residentSays(MessageText.clip(words, 200)));
    t.say(Texts.remarkOnOpen(caseId));
  }

  void notSolved(Turn t, CaseRecord r, String words) {
    t.handledAs = HandledAs.RATING;
    unsolved(t, r, Texts.residentSays(MessageText.clip(words, 200)));
  }

  private void unsolved(Turn t, CaseRecord r, String reason) {
    if (!t.state.inIntake()) t.state = t.state.reset();
    if (onUnsolved == OnUnsolved.SUPERVISOR) {
      cases.addNote(r.id(), t.actor(), reason + Texts.AWAITS_SUPERVISOR);
      notifier.toStaff(Outbound.text(Texts.toSupervisorUnsolved(r.id(), r.category(), reason)));
      t.say(Texts.unsolvedToSupervisor(r.id()));
      return;
    }
    CaseRecord again = cases.reopen(r.id(), t.actor(), reason);
    t.say(Texts.reopened(again.id(), CaseViews.day(again.dueAt())));
  }

  /** An optional comment after a score. */
  void comment(Turn t, String text) {
    t.handledAs = HandledAs.RATING;
    String caseId = t.state.ratingCaseId();
    Integer score = t.state.ratingScore();
    t.state = t.state.reset();
    if (text.isEmpty() || MessageText.isSkip(text) || MessageText.isNo(text) || !MessageText.hasWords(text)) {
      t.say(Texts.THANKS_FOR_FEEDBACK);
      return;
    }
    if (Cues.notFixed(text)) {
      cases.find(caseId).ifPresent(r -> notSolved(t, r, text));
      if (t.out.size() > 0) return;
    }
    cases.rate(caseId, t.channel, t.userId, score, MessageText.clip(text, 500));
    t.say(Texts.COMMENT_NOTED);
  }
}
