package cn.fivestar.cases;

import java.time.Instant;

/**
 * What a request would become if it were filed now, before it is stored: the category (其他 when none or unknown),
 * the star it affects (null for 其他), whether the place counts as a village, the handling type and the deadlines.
 * Built by {@link CaseService#preview} with the same rules that stamp a stored case.
 */
public record CasePreview(String category, String star, boolean village, CaseKind kind, Instant dueAt,
                          Instant respondBy) {

  /** 村 for a village, 社区 for a community. */
  public String area() {
    return village ? "村" : "社区";
  }
}
