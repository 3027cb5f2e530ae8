package cn.fivestar.knowledge;

/**
 * A search result: the passage, its relevance score (higher is better, comparable within one query) and
 * {@code coverage}, the IDF-weighted share of the question's content terms the passage contains (0..1): the
 * evidence used to decide whether the knowledge base covers a question at all.
 */
public record Hit(Passage passage, float score, float coverage) {
  public String source() {
    return passage.source();
  }

  public String title() {
    return passage.title();
  }

  public String text() {
    return passage.text();
  }
}
