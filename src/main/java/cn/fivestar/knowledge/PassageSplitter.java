package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document into passages of whole sentences that stay inside one section, so each passage can be cited
 * on its own with its title and heading.
 */
final class PassageSplitter {
  static final int TARGET_CHARS = 160;
  static final int MAX_CHARS = 320;
  static final int OVERLAP_CHARS = 100;

  private PassageSplitter() {}

  static List<Passage> split(SourceDocument doc) {
    List<Passage> out = new ArrayList<>();
    String heading = "";
    StringBuilder current = new StringBuilder();
    String[] last = {""};
    String star = doc.meta("star");
    String kind = doc.meta("kind");
    String place = doc.meta("place");
    for (SourceDocument.Block block : doc.blocks()) {
      if (block.heading()) {
        emit(doc, heading, current, out, star, kind, place);
        heading = block.text();
        last[0] = "";
        continue;
      }
      // A paragraph boundary is a good place to end a passage once it has some substance.
      if (current.length() >= TARGET_CHARS / 2) emit(doc, heading, current, out, star, kind, place);
      for (String sentence : Sentences.split(block.text())) {
        for (String piece : Sentences.cap(sentence, MAX_CHARS)) {
          if (current.length() > 0 && current.length() + piece.length() > MAX_CHARS) {
            emit(doc, heading, current, out, star, kind, place);
          }
          if (current.length() == 0 && !last[0].isEmpty() && last[0].length() <= OVERLAP_CHARS) {
            // Repeat the previous passage's last sentence: a problem is often stated just before its solution.
            current.append(last[0]);
          }
          current.append(piece);
          last[0] = piece;
          if (current.length() >= TARGET_CHARS) emit(doc, heading, current, out, star, kind, place);
        }
      }
    }
    emit(doc, heading, current, out, star, kind, place);
    return out;
  }

  private static void emit(
      SourceDocument doc, String heading, StringBuilder text, List<Passage> out, String star, String kind, String place) {
    String t = text.toString().strip();
    text.setLength(0);
    if (t.isEmpty()) return;
    out.add(new Passage(doc.source(), doc.title(), heading, t, out.size(), star, kind, place));
  }
}
