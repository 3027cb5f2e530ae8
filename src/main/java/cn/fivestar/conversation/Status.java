package cn.fivestar.conversation;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.conversation.DialogState.Step;
import cn.fivestar.conversation.intent.IntentClassifier;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "我反映的事怎么样了" and tracking numbers: a resident's own and followed cases (see {@link CaseViews}), any case for staff. */
final class Status {
  private static final int LIST_MAX = 5;

  private final CaseService cases;

  Status(CaseService cases) {
    this.cases = cases;
  }

  private static final Pattern POINTS_AT_CASE = Pattern.compile("(?:这|那)个?单子|单子上");

  void handle(Turn t) {
    t.handledAs = HandledAs.STATUS;
    Matcher m = IntentClassifier.TRACKING_NUMBER.matcher(t.text);
    if (m.find()) {
      show(t, m.group(1));
      return;
    }
    List<CaseRecord> list = cases.listByReporter(t.channel, t.userId);  // reported or followed, newest first
    if (list.isEmpty()) {
      // "恁把这单子上哩电话改成俺哩": a case that is not the person's own, whatever they would do with it.
      t.say(POINTS_AT_CASE.matcher(t.text).find() ? Texts.OTHERS_CASE_PRIVATE : Texts.NO_CASES_YET);
      return;
    }
    StringBuilder b = new StringBuilder(Texts.myCases(list.size(), Math.min(LIST_MAX, list.size())));
    for (int i = 0; i < Math.min(LIST_MAX, list.size()); i++) {
      b.append("\n").append(i + 1).append(". ").append(CaseViews.lineFor(list.get(i), t.channel, t.userId));
    }
    b.append("\n").append(Texts.SEND_NUMBER_FOR_DETAIL);
    t.say(b.toString());
  }

  /** Whether this person reported or follows a case still open ("啥时候能弄好" is then about it). */
  boolean hasCases(Turn t) {
    return !cases.listByReporter(t.channel, t.userId).isEmpty();
  }

  /** The newest open case the person reported themselves (not one they only follow). */
  Optional<String> latestOwnOpen(Turn t) {
    return cases.listByReporter(t.channel, t.userId).stream()
        .filter(r -> r.isOpen() && CaseViews.isReporter(r, t.channel, t.userId))
        .map(CaseRecord::id).findFirst();
  }

  boolean hasOpenCases(Turn t) {
    return cases.listByReporter(t.channel, t.userId).stream().anyMatch(CaseRecord::isOpen);
  }

  private void show(Turn t, String id) {
    Optional<CaseRecord> found = cases.find(id);
    if (t.role().isStaff()) {
      if (found.isPresent()) t.say(CaseViews.staffDetail(found.get(), cases.history(id)));
      else t.say(Texts.noSuchCase(id));
      return;
    }
    if (found.isEmpty() || !concerns(found.get(), t)) {
      t.say(Texts.notYourCase(id));
      return;
    }
    CaseRecord r = found.get();
    String detail = CaseViews.detailFor(r, t.channel, t.userId);
    if (CaseViews.isReporter(r, t.channel, t.userId) && r.status() == CaseStatus.CLOSED && r.rating() == null) {
      if (!t.state.inIntake()) t.state = t.state.rating(Step.RATE_SCORE, r.id(), null);
      t.say(detail + Texts.PLEASE_RATE, Ratings.buttons(r.id()));
    } else {
      t.say(detail);
    }
  }

  private static boolean concerns(CaseRecord r, Turn t) {
    if (CaseViews.isReporter(r, t.channel, t.userId)) return true;
    return r.followers().stream().anyMatch(f -> f.channel().equals(t.channel) && f.userId().equals(t.userId));
  }
}
