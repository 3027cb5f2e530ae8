package cn.fivestar.conversation;

import cn.fivestar.answer.Answerer;
import cn.fivestar.cases.CaseListener;
import cn.fivestar.cases.CaseService;
import cn.fivestar.conversation.intent.IntentClassifier;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.infra.UserException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot brain behind every channel. For each message it restores that chat's dialog state, lets the
 * {@link TurnDecision} decide what the message is in that state and hand it to one handler, replies, and stores the
 * new state. It also listens to the case store ({@link CaseNotices}) so staff replies, closings and merges reach the
 * residents concerned through the {@link Notifier}.
 *
 * <p>Every failure becomes a polite reply; a failed message leaves the stored state as it was. Messages of one chat
 * are handled one at a time.
 */
public final class DialogEngine implements ConversationEngine, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DialogEngine.class);

  private final CaseService cases;
  private final DialogStore store;
  private final Throttle throttle;
  private final TurnDecision decision;
  private final ChatLocks locks = new ChatLocks();
  private final CaseListener listener;
  private final Commands commands;

  public DialogEngine(CaseService cases, Answerer answerer, IntentClassifier classifier, DialogStore store,
                      Notifier notifier, Throttle throttle) {
    this(cases, answerer, classifier, store, notifier, throttle, Rating.OnUnsolved.REOPEN);
  }

  public DialogEngine(CaseService cases, Answerer answerer, IntentClassifier classifier, DialogStore store,
                      Notifier notifier, Throttle throttle, Rating.OnUnsolved onUnsolved) {
    this(cases, answerer, classifier, store, notifier, throttle, onUnsolved, null);
  }

  /** {@code answers}: where shown answers and residents' 有用/没用 votes are kept (null: no feedback buttons). */
  public DialogEngine(CaseService cases, Answerer answerer, IntentClassifier classifier, DialogStore store,
                      Notifier notifier, Throttle throttle, Rating.OnUnsolved onUnsolved, AnswerLog answers) {
    this.cases = cases;
    this.store = store;
    this.throttle = throttle;
    this.decision = new TurnDecision(classifier, new Intake(cases, classifier), new Questions(answerer, classifier, answers),
        new Status(cases), new Rating(cases, notifier, onUnsolved), commands = new Commands(cases));
    this.listener = new CaseNotices(store, notifier, locks);
    cases.addListener(listener);
  }

  /** What the supervisors' /remind runs: sends the 催办 reminders now and returns a one-line summary. */
  public void onRemindCommand(java.util.function.Supplier<String> action) {
    commands.remind = action;
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
    if (length > MessageText.MAX_CHARS) {
      return new Handled(List.of(Outbound.text(Texts.tooLong(length))), HandledAs.CHITCHAT, null);
    }
    synchronized (locks.of(channel, chatId, userId)) {
      Turn t = null;
      try {
        DialogState before = store.load(channel, chatId, userId);
        t = new Turn(in, channel, chatId, userId, text, before);
        decision.route(t);
        if (!t.state.equals(before)) store.save(channel, chatId, userId, t.state);
        List<Outbound> out = t.refused ? t.out.stream().map(Outbound::asRefusal).toList() : List.copyOf(t.out);
        return new Handled(out, t.handledAs == null ? HandledAs.CHITCHAT : t.handledAs, t.registered);
      } catch (UserException e) {
        // Case store refusals carry a message meant for the person (bad phone, unknown id, illegal move…).
        return new Handled(List.of(failed(in, e.getMessage())), t == null ? null : t.handledAs, null);
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

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  /** Stops listening to the case store. */
  @Override
  public void close() {
    cases.removeListener(listener);
  }
}
