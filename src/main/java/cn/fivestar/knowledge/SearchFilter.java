package cn.fivestar.knowledge;

/** Restricts a search to documents of one star and/or kind (criteria, story, overview); empty means any. */
public record SearchFilter(String star, String kind) {
  public static final SearchFilter NONE = new SearchFilter("", "");

  public SearchFilter {
    star = star == null ? "" : star;
    kind = kind == null ? "" : kind;
  }

  public boolean isEmpty() {
    return star.isEmpty() && kind.isEmpty();
  }
}
