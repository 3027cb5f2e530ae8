package cn.fivestar.cases;

import java.time.Instant;

/**
 * One row of a case's append-only history. from/to are the status before and after (equal when the status did
 * not change, e.g. a note); from is null for the creation row.
 */
public record CaseHistoryEntry(long seq, String caseId, Instant at, String actor, Action action,
                               CaseStatus from, CaseStatus to, String note) {

  /** What happened. Codes are stored; labels are shown. */
  public enum Action {
    CREATED("created", "受理"),
    STATUS("status", "状态变更"),
    ASSIGNED("assigned", "派单"),
    REPLIED("replied", "答复"),
    NOTE("note", "备注"),
    MERGED_IN("merged_in", "并入"),
    FOLLOWED("followed", "关注"),
    RATED("rated", "评价"),
    RECATEGORIZED("recategorized", "改分类"),
    REOPENED("reopened", "重办");

    private final String code;
    private final String label;

    Action(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }
}
