package cn.fivestar.conversation.intent;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/** Turns a message into the features both models use: normalized character 1–3-grams plus lexicon cues. */
final class TextFeatures {
  private TextFeatures() {}

  /**
   * NFKC (full-width to half-width), lower case, digits folded to 0 (so "3号楼" and "12号楼" look alike),
   * every question mark to '?', other punctuation and control characters to a space, spaces collapsed.
   */
  static String normalize(String text) {
    if (text == null) return "";
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (Character.isDigit(cp)) {
        b.append('0');
      } else if (cp == '?' || cp == '？') {
        b.append('?');
      } else if (Character.isWhitespace(cp) || Character.isISOControl(cp) || isPunctuation(cp)) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString().trim();
  }

  private static boolean isPunctuation(int cp) {
    int t = Character.getType(cp);
    return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION || t == Character.MATH_SYMBOL;
  }

  /** Character n-grams (1..3) of the normalized text with ^/$ marking its start and end. */
  static Set<String> ngrams(String normalized) {
    Set<String> out = new LinkedHashSet<>();
    int[] cps = ("^" + normalized + "$").codePoints().toArray();
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i + n <= cps.length; i++) {
        if (n == 1 && (i == 0 || i == cps.length - 1)) continue;
        String g = new String(cps, i, n);
        if (!g.isBlank()) out.add(g);
      }
    }
    return out;
  }

  /** A coarse length bucket: very short messages are mostly greetings or single words. */
  static String lengthBucket(String normalized) {
    int n = normalized.codePointCount(0, normalized.length());
    return "#len:" + (n <= 2 ? "xs" : n <= 6 ? "s" : n <= 16 ? "m" : "l");
  }
}
