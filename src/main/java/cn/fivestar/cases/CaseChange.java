package cn.fivestar.cases;

/**
 * One step of an update as planned by {@link CaseRules#plan}: the repository stores each step (and its history
 * row) in order, the service turns status moves and replies into events. {@code status} on the steps that keep
 * the status is the status at that moment (for the history row).
 */
sealed interface CaseChange {

  /** The category changed; star is the star the new category affects (null for 其他). */
  record Recategorized(CaseStatus status, String from, String to, String star) implements CaseChange {}

  /** A handler was set (previous null) or replaced. */
  record Assigned(CaseStatus status, String previous, String assignee) implements CaseChange {}

  /**
   * The status moved; assignee is the assignee afterwards. The first move out of received is the first response;
   * a move to closed stamps the closing time.
   */
  record Moved(CaseStatus from, CaseStatus to, String assignee, String note) implements CaseChange {
    boolean firstResponse() {
      return from == CaseStatus.RECEIVED;
    }

    boolean closes() {
      return to == CaseStatus.CLOSED;
    }
  }

  /** A resident-visible reply. */
  record Replied(CaseStatus status, String text) implements CaseChange {}

  /** An internal note. */
  record Noted(CaseStatus status, String text) implements CaseChange {}
}
