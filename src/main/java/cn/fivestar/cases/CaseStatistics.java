package cn.fivestar.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Supervisor figures (统计) over the cases received in [from, to] (local dates, inclusive; null = open-ended).
 * <ul>
 *   <li>响应率 (response rate) = cases first moved out of received (assigned, taken, answered or merged) by the end of
 *       the first working day after intake ÷ cases whose response window has ended or that were already moved.
 *       Cases still inside their window and untouched are not counted either way.</li>
 *   <li>解决率 (resolution rate) = closed ÷ (all − merged): a merged case is handled as part of its target.</li>
 *   <li>满意率 (satisfaction rate) = ratings of 4 or 5 ÷ rated cases.</li>
 *   <li>Average time to close: mean of closed − received over closed cases, in hours (calendar time).</li>
 *   <li>Overdue: waiting on staff (received, assigned, in progress, returned) past the deadline now.</li>
 *   <li>重办 (reopens): counted from the case history (action {@code reopened}, one row per reopening, so cases
 *       reopened before this figure existed count too): reopened = cases reopened at least once, reopens = all
 *       reopenings.</li>
 * </ul>
 * byHandler is keyed by the current handler (assignee), {@link #NO_HANDLER} for cases nobody was assigned.
 * Rates are fractions 0–1, null when nothing is counted.
 */
public record CaseStatistics(LocalDate from, LocalDate to, Instant computedAt, Map<CaseStatus, Long> byStatus,
                             Group overall, Map<String, Group> byCategory, Map<String, Group> byStar,
                             Map<String, Group> byHandler) {

  /** Key in byStar for categories that affect no star (其他). */
  public static final String NO_STAR = "—";

  /** Key in byHandler for cases without a handler. */
  public static final String NO_HANDLER = "（未派单）";

  /**
   * Counts for one slice; closeMillis is the summed time to close of closed cases; reopened the cases reopened at
   * least once, reopens the reopenings.
   */
  public record Group(long total, long merged, long closed, long responseCounted, long respondedInTime, long rated,
                      long satisfied, long overdue, long closeMillis, long reopened, long reopens) {
    static final Group EMPTY = new Group(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Double responseRate() {
      return ratio(respondedInTime, responseCounted);
    }

    public Double resolutionRate() {
      return ratio(closed, total - merged);
    }

    public Double satisfactionRate() {
      return ratio(satisfied, rated);
    }

    public Double avgHoursToClose() {
      return closed == 0 ? null : closeMillis / 3_600_000.0 / closed;
    }

    Group plus(Group o) {
      return new Group(total + o.total, merged + o.merged, closed + o.closed, responseCounted + o.responseCounted,
          respondedInTime + o.respondedInTime, rated + o.rated, satisfied + o.satisfied, overdue + o.overdue,
          closeMillis + o.closeMillis, reopened + o.reopened, reopens + o.reopens);
    }

    private static Double ratio(long a, long b) {
      return b <= 0 ? null : (double) a / b;
    }
  }
}
