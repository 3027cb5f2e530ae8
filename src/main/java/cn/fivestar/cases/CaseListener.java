package cn.fivestar.cases;

/** Told after commit about resident-visible changes; exceptions it throws are logged and ignored. */
@FunctionalInterface
public interface CaseListener {
  void onCaseEvent(CaseEvent event);
}
