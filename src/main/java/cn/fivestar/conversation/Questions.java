package cn.fivestar.conversation;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Citation;
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

  private final Answerer answerer;
  private final IntentClassifier classifier;

  Questions(Answerer answerer, IntentClassifier classifier) {
    this.answerer = answerer;
    this.classifier = classifier;
  }

  /** The answer to a question in this conversation (no reply yet: the turn decision may still take it as a report). */
  Answer ask(Turn t, String question) {
    List<String> history = FollowUp.leansOnPrevious(question, t.state.questions()) ? t.state.questions() : List.of();
    return answerer.answer(question, history);
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
    if (!cited.isEmpty()) {
      reply.append("\n\n来源：");
      for (int i = 0; i < cited.size(); i++) {
        if (i > 0) reply.append("；");
        reply.append("[").append(i + 1).append("]《").append(cited.get(i).title()).append("》");
      }
    }
    DialogState keep = t.state.withQuestion(MessageText.clip(question, 200));
    boolean confident = a.answered() && !a.tentative();
    if (confident && !ownNeed) {
      t.state = keep;
      t.say(reply.append(tail).toString());
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
      t.say(reply.toString());
      return;
    }
    t.state = keep.withPendingQuestion(MessageText.clip(question, 500));
    reply.append(confident ? Texts.OFFER_REGISTER_NEED : a.answered() ? Texts.OFFER_PASS_ON_TENTATIVE : Texts.OFFER_PASS_ON);
    t.say(reply.toString(), List.of(List.of(new Button(Texts.BUTTON_PASS_ON, LOG_YES), new Button(Texts.BUTTON_NO_THANKS, LOG_NO))));
  }
}
