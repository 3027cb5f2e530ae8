package cn.fivestar.conversation;

import cn.fivestar.answer.Shown;
import cn.fivestar.infra.PersonalData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one person's conversation stands, stored as JSON per chat so a restart resumes it. Immutable: every
 * change returns a new state. {@code questions} are the person's recent questions (oldest first) for follow-ups, {@code shown}
 * what the latest answer showed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DialogState(Step step, Draft draft, List<String> questions, String pendingQuestion,
                          String ratingCaseId, Integer ratingScore, String lastCase, Long answerId,
                          Draft dropped, String queued, Shown shown, String refused) {
  static final int MAX_QUESTIONS = 4;

  /** What the bot is waiting for. */
  public enum Step {
    IDLE,
    /** intake: what happened */
    ASK_WHAT,
    /** intake: where */
    ASK_WHERE,
    /** intake: an open case looks the same; follow it or file a new one */
    DUPLICATE,
    /** intake: summary shown, waiting for 确认 / 修改 / 取消 */
    CONFIRM,
    /** intake: which field to correct */
    EDIT_CHOICE,
    EDIT_WHAT,
    EDIT_WHERE,
    EDIT_PHONE,
    /** an unanswerable question: log it as a request? */
    OFFER_LOG,
    /** a closed case: score 1–5 */
    RATE_SCORE,
    /** a closed case: optional comment */
    RATE_COMMENT,
    /** the 我要咨询 button: the next message is a question */
    ASK_QUESTION,
    /** 没用 pressed on an answer: an optional reason */
    FEEDBACK_REASON
  }

  public DialogState {
    step = step == null ? Step.IDLE : step;
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public static DialogState idle() {
    return new DialogState(Step.IDLE, null, List.of(), null, null, null, null, null, null, null, null, null);
  }

  /** Back to idle, keeping the question history. */
  public DialogState reset() {
    return new DialogState(Step.IDLE, null, questions, null, null, null, lastCase, null, null, null, shown, null);
  }

  public DialogState withDraft(Step s, Draft d) {
    return new DialogState(s, d, questions, null, null, null, lastCase, null, null, queued, shown, null);
  }

  public DialogState withPendingQuestion(String q) {
    return new DialogState(Step.OFFER_LOG, null, questions, q, null, null, lastCase, null, null, null, shown, null);
  }

  public DialogState askingQuestion() {
    return new DialogState(Step.ASK_QUESTION, null, questions, null, null, null, lastCase, null, null, null, shown, null);
  }

  public DialogState rating(Step s, String caseId, Integer score) {
    return new DialogState(s, null, questions, null, caseId, score, lastCase, null, null, null, shown, null);
  }

  /** {@code q} asked and answered; {@code s} is what the answer showed (null for a refusal). */
  public DialogState withQuestion(String q, Shown s) {
    List<String> qs = new ArrayList<>(questions);
    qs.add(q);
    while (qs.size() > MAX_QUESTIONS) qs.remove(0);
    return new DialogState(step, draft, qs, pendingQuestion, ratingCaseId, ratingScore, lastCase, null, dropped, queued, s, null);
  }

  /** Waiting for the optional reason of a 没用 vote on answer {@code id}. */
  public DialogState askingReason(long id) {
    return new DialogState(Step.FEEDBACK_REASON, null, questions, null, null, null, lastCase, id, null, null, shown, null);
  }

  /** Idle after registering a case: a phone sent next is added to it, a 确认 sent again is not a new report. */
  public DialogState registered(String caseId) {
    return new DialogState(Step.IDLE, null, questions, null, null, null, caseId, null, null, null, shown, null);
  }

  /** The same state without the just-registered case (the next message is about something else). */
  public DialogState forgetLastCase() {
    return lastCase == null ? this : new DialogState(step, draft, questions, pendingQuestion, ratingCaseId, ratingScore, null, null, dropped, queued, shown, refused);
  }

  /** Idle, holding the report just dropped for one message ("不对 还是报吧" takes it up again). */
  public DialogState withDropped(Draft d) {
    return new DialogState(step, draft, questions, pendingQuestion, ratingCaseId, ratingScore, lastCase, answerId, d, queued, shown, refused);
  }

  /** Another matter told while a report waits for confirmation: taken in once that report is filed or dropped. */
  public DialogState withQueued(String text) {
    return new DialogState(step, draft, questions, pendingQuestion, ratingCaseId, ratingScore, lastCase, answerId, dropped, text, shown, null);
  }

  /**
   * The same state remembering the refusal just given ({@code text}; null forgets it): "那恁就说个是或者不是" next gets it
   * again rather than an answer about something else.
   */
  public DialogState withRefused(String text) {
    return new DialogState(step, draft, questions, pendingQuestion, ratingCaseId, ratingScore, lastCase, answerId, dropped,
        queued, shown, text);
  }

  /** The same state without a dropped report. */
  public DialogState forgetDropped() {
    return dropped == null ? this : withDropped(null);
  }

  public boolean inIntake() {
    return draft != null && switch (step) {
      case ASK_WHAT, ASK_WHERE, DUPLICATE, CONFIRM, EDIT_CHOICE, EDIT_WHAT, EDIT_WHERE, EDIT_PHONE -> true;
      default -> false;
    };
  }

  /**
   * A request being taken in. kind is a CaseKind code; duplicateIds are the open cases offered as the same
   * problem (offered once per intake).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Draft(String text, String location, String phone, String category, String kind,
                      List<String> photoIds, List<String> duplicateIds, boolean duplicatesChecked) {
    public Draft {
      // A report never needs an ID card number, nor anyone's phone but the contact's (a pasted group chat names
      // others'): they are kept masked, never shown.
      text = PersonalData.maskPhonesExcept(PersonalData.maskIdCards(text), phone);
      photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
      duplicateIds = duplicateIds == null ? List.of() : List.copyOf(duplicateIds);
    }

    public Draft withText(String t) {
      return new Draft(t, location, phone, category, kind, photoIds, duplicateIds, duplicatesChecked);
    }

    public Draft withLocation(String l) {
      return new Draft(text, l, phone, category, kind, photoIds, duplicateIds, duplicatesChecked);
    }

    public Draft withPhone(String p) {
      return new Draft(text, location, p, category, kind, photoIds, duplicateIds, duplicatesChecked);
    }

    public Draft withCategory(String c, String k) {
      return new Draft(text, location, phone, c, k, photoIds, duplicateIds, duplicatesChecked);
    }

    public Draft withPhotos(List<String> more) {
      if (more.isEmpty()) return this;
      List<String> all = new ArrayList<>(photoIds);
      for (String p : more) if (!all.contains(p)) all.add(p);
      return new Draft(text, location, phone, category, kind, all, duplicateIds, duplicatesChecked);
    }

    public Draft withDuplicates(List<String> ids) {
      return new Draft(text, location, phone, category, kind, photoIds, ids, true);
    }
  }
}
