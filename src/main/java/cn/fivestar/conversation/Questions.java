package cn.fivestar.conversation;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Citation;
import cn.fivestar.answer.FollowUps;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.answer.Shown;
import cn.fivestar.conversation.intent.IntentClassifier;
import java.util.List;

/**
 * Knowledge questions in chat: asks the answerer (with the previous questions only when this one leans on them),
 * shows the answer with its sources, and offers to pass the matter to staff when the documents do not settle it
 * or the person described a need of their own. Clearly off-topic questions are refused without that offer.
 */
final class Questions {
  static final String LOG_YES = "log:yes";
  static final String LOG_NO = "log:no";

  static final String HELPFUL = "fb:up:";
  static final String NOT_HELPFUL = "fb:down:";
  private static final int SHOWN_TEXT_CHARS = 2000;
  private static final int SHOWN_PASSAGE_CHARS = 400;

  private final Answerer answerer;
  private final IntentClassifier classifier;
  private final AnswerLog log;

  Questions(Answerer answerer, IntentClassifier classifier, AnswerLog log) {
    this.answerer = answerer;
    this.classifier = classifier;
    this.log = log;
  }

  /** The answer to a question in this conversation (no reply yet: the turn decision may still take it as a report). */
  Answer ask(Turn t, String question) {
    List<String> earlier = t.state.questions();
    if (FollowUp.leansOnPrevious(question, earlier)) return answerer.answer(question, earlier, t.state.shown());
    Answer alone = answerer.answer(question, List.of());
    // "验收了多少家 有报到市里哩没" right after an answer on 清廉二七: a short question the documents cannot answer on
    // its own asks about what was just discussed. Its answer stands only when confident and about the question's
    // own words, so a new matter ("社区医院几点开门") is still refused.
    if (alone.answered() || t.state.shown() == null || !FollowUp.mayLeanOnPrevious(question, earlier)
        || classifier.offTopic(question)) {
      return alone;
    }
    Answer onSubject = answerer.answer(FollowUps.withSubject(question, earlier), List.of());
    return onSubject.answered() && !onSubject.tentative() && FollowUps.echoes(question, onSubject.text())
        ? onSubject : alone;
  }

  /** Asks and replies. */
  void answer(Turn t, String question) {
    reply(t, question, ask(t, question), false, "");
  }

  /**
   * Shows an answer. {@code ownNeed}: the person also described a situation of their own, so a confident answer
   * still offers to register it for staff. {@code tail} is added to a confident answer (what to ask next).
   */
  void reply(Turn t, String question, Answer a, boolean ownNeed, String tail) {
    t.handledAs = HandledAs.ANSWER;
    StringBuilder reply = new StringBuilder(a.text());
    List<Citation> cited = a.citations();
    if (!cited.isEmpty()) reply.append(Texts.sources(cited.stream().map(Citation::title).toList()));
    // A short question answered about the earlier subject is kept as asked with it, so the next one leans on both.
    String asked = a.question() != null && a.question().endsWith(question.strip()) ? a.question() : question;
    // An answer about the one shown (its places, its sources) leaves that one as what the next follow-up is about.
    boolean newShown = a.answered() && !GroundedAnswerer.describesShown(a);
    DialogState keep = t.state.withQuestion(MessageText.clip(asked, 200), newShown ? shown(a) : t.state.shown());
    boolean confident = a.answered() && !a.tentative();
    List<Button> votes = a.answered() && log != null ? feedbackButtons(t, question, a) : List.of();
    if (confident && !ownNeed) {
      t.state = keep;
      t.say(reply.append(tail).toString(), votes.isEmpty() ? List.of() : List.of(votes));
      return;
    }
    if (!a.answered() && classifier.offTopic(question)) {
      // Weather, shares, medicine: nothing staff could take up either.
      t.state = keep;
      t.say(reply.toString());
      return;
    }
    if (t.state.inIntake()) {
      // A report is under way: answer, and let the report go on; no second offer on top of it.
      t.state = keep;
      t.say(reply.toString(), votes.isEmpty() ? List.of() : List.of(votes));
      return;
    }
    t.state = keep.withPendingQuestion(MessageText.clip(question, 500));
    reply.append(confident ? Texts.OFFER_REGISTER_NEED : a.answered() ? Texts.OFFER_PASS_ON_TENTATIVE : Texts.OFFER_PASS_ON);
    List<Button> offer = List.of(new Button(Texts.BUTTON_PASS_ON, LOG_YES), new Button(Texts.BUTTON_NO_THANKS, LOG_NO));
    t.say(reply.toString(), votes.isEmpty() ? List.of(offer) : List.of(offer, votes));
  }

  /** What an answer showed, kept for its follow-ups (passages clipped: the state is stored with every message). */
  private static Shown shown(Answer a) {
    List<Citation> kept = a.citations().stream()
        .map(c -> new Citation(c.source(), c.title(), MessageText.clip(c.text(), SHOWN_PASSAGE_CHARS))).toList();
    String text = a.text();  // lines kept: they are the answer's items
    return new Shown(text.length() > SHOWN_TEXT_CHARS ? text.substring(0, SHOWN_TEXT_CHARS) : text, kept);
  }

  /** 有用 / 没用 under an answer; the answer is logged with its question, citations and index version. */
  private List<Button> feedbackButtons(Turn t, String question, Answer a) {
    long id = log.record(t.channel, t.userId, MessageText.clip(question, 500), a);
    return List.of(new Button(Texts.BUTTON_HELPFUL, HELPFUL + id), new Button(Texts.BUTTON_NOT_HELPFUL, NOT_HELPFUL + id));
  }

  /** A 有用 / 没用 press; 没用 asks for an optional reason. */
  void vote(Turn t, String data) {
    t.handledAs = HandledAs.ANSWER;
    boolean helpful = data.startsWith(HELPFUL);
    long id;
    try {
      id = Long.parseLong(data.substring((helpful ? HELPFUL : NOT_HELPFUL).length()));
    } catch (NumberFormatException e) {
      t.refuse(Texts.NOT_UNDERSTOOD);
      return;
    }
    if (log == null || !log.vote(id, t.channel, t.userId, helpful)) {
      t.refuse(Texts.STALE_VOTE_BUTTON);
      return;
    }
    if (helpful) {
      t.say(Texts.THANKS_HELPFUL);
    } else {
      if (!t.state.inIntake()) t.state = t.state.askingReason(id);
      t.say(Texts.ASK_WHY_NOT_HELPFUL);
    }
  }

  /** The reason after 没用 (or "跳过"). */
  void reason(Turn t, String text) {
    t.handledAs = HandledAs.ANSWER;
    Long id = t.state.answerId();
    t.state = t.state.reset();
    if (id == null || MessageText.isSkip(text) || MessageText.isNo(text) || !MessageText.hasWords(text)) {
      t.say(Texts.THANKS_FOR_FEEDBACK);
      return;
    }
    log.reason(id, t.channel, t.userId, MessageText.clip(text, 500));
    t.say(Texts.REASON_NOTED);
  }
}
