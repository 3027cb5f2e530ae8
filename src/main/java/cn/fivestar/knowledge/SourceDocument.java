package cn.fivestar.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A loaded text file: its file name (the citation source), title, optional front matter (star, kind, place) and
 * its body as rejoined blocks.
 */
public record SourceDocument(String source, String title, Map<String, String> meta, List<Block> blocks) {

  /** A heading or a paragraph of running text (lines already rejoined). */
  public record Block(boolean heading, String text) {}

  public String meta(String key) {
    return meta.getOrDefault(key, "");
  }
}
