package cn.fivestar.cases;

import java.util.List;

/**
 * A committed change, given to {@link CaseListener}s. record is the case after the change; for STATUS_CHANGED
 * from/to are set; for REPLIED text is the reply; for MERGED record is the merged case (its mergedInto() is the
 * target) and recipients are everyone who followed it, all of whom now follow the target.
 * recipients: reporter + followers that can be reached (have a chat id).
 */
public record CaseEvent(Type type, CaseRecord record, CaseStatus from, CaseStatus to, String actor, String text,
                        List<Recipient> recipients) {

  public enum Type {
    /** A new case (for staff notification; the resident already got the tracking number). */
    CREATED,
    STATUS_CHANGED,
    REPLIED,
    MERGED,
    /** A closed case handled again (重办): the resident says it is not solved, or staff decided so. */
    REOPENED
  }
}
