package cn.fivestar.knowledge;

/** A search result: the passage and its relevance score (higher is better, comparable within one query). */
public record Hit(Passage passage, float score) {
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
