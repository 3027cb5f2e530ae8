package cn.fivestar.cases;

/**
 * Judges whether an open case reports the same problem as a new request, for offering to follow it instead of
 * filing again. Pure: no storage.
 */
final class CaseDuplicates {
  private CaseDuplicates() {}

  /** A new request, prepared once and compared with many open cases. */
  static final class Query {
    private final Similarity.Prepared text;
    private final Similarity.Prepared place;

    private Query(String text, String location) {
      this.text = Similarity.text(text);
      this.place = Similarity.place(location);
    }

    boolean isEmpty() {
      return text.isEmpty();
    }

    /** How alike (higher is closer), or a negative number when the case is not the same problem. */
    double score(String caseText, String caseLocation) {
      return Similarity.score(text, place, Similarity.text(caseText), Similarity.place(caseLocation));
    }
  }

  /** text and location as cleaned by {@link CaseInput#clean}. */
  static Query query(String text, String location) {
    return new Query(text, location);
  }
}
