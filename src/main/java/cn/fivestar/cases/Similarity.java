package cn.fivestar.cases;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Character-bigram similarity of problem texts, the textual part of duplicate detection ({@link CaseDuplicates}):
 * "3号楼电梯坏了，困人了" vs "3号楼的电梯又坏了".
 * Texts are normalised (NFKC, lower case, no punctuation, spaces or phone/ID numbers), a few function characters (的了吗…) are
 * dropped, and the bigrams of both places are taken out of both texts (so two different problems at the same place,
 * or a text that repeats part of its address, do not look alike); similarity is the Dice coefficient of the bigram
 * sets, kept as sorted int arrays for speed.
 */
final class Similarity {
  /** Text similarity needed when both places match and neither text names a known object. */
  static final double TEXT_WITH_PLACE = 0.34;
  /** Text similarity needed when a place is missing on either side. */
  static final double TEXT_ALONE = 0.5;
  /** Similarity needed to call two landmarks the same. */
  static final double PLACE = 0.5;
  private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d[\\d\\-]{4,}");
  private static final String FUNCTION_CHARS = "的了吗呢啊吧呀哦嘛又也很都还就我你他她们这那请谢";

  private Similarity() {}

  /** A prepared text: normalised form and its bigrams. */
  record Prepared(String norm, int[] bigrams) {
    boolean isEmpty() {
      return norm.isEmpty();
    }
  }

  static Prepared place(String location) {
    String n = normalize(location, false);
    return new Prepared(n, bigrams(n));
  }

  static Prepared text(String text) {
    String n = normalize(text, true);
    return new Prepared(n, bigrams(n));
  }

  /**
   * How alike two problem texts are (Dice of bigrams), leaving out the bigrams of both places, so that a text that
   * repeats its address does not look like another one at the same address.
   */
  static double texts(Prepared qText, Prepared qPlace, Prepared cText, Prepared cPlace) {
    int[] q = minus(minus(qText.bigrams(), qPlace.bigrams()), cPlace.bigrams());
    int[] t = minus(minus(cText.bigrams(), qPlace.bigrams()), cPlace.bigrams());
    return dice(q, t);
  }

  static String normalize(String s, boolean dropFunctionChars) {
    if (s == null) return "";
    // long digit runs are phone or ID numbers: they say nothing about the problem and would swamp the bigrams
    String n = LONG_NUMBER.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT))
        .replaceAll(" ");
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!Character.isLetterOrDigit(c)) continue;
      if (dropFunctionChars && FUNCTION_CHARS.indexOf(c) >= 0) continue;
      sb.append(c);
    }
    return sb.toString();
  }

  /** Sorted distinct bigrams, each packed as (first char << 16 | second char); a single char is its own gram. */
  static int[] bigrams(String s) {
    if (s.isEmpty()) return new int[0];
    if (s.length() == 1) return new int[] {s.charAt(0)};
    int[] g = new int[s.length() - 1];
    for (int i = 0; i < g.length; i++) g[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
    Arrays.sort(g);
    int n = 0;
    for (int i = 0; i < g.length; i++) if (i == 0 || g[i] != g[i - 1]) g[n++] = g[i];
    return Arrays.copyOf(g, n);
  }

  /** Sorted a without the elements of sorted b. */
  static int[] minus(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) return a;
    int[] out = new int[a.length];
    int n = 0;
    int j = 0;
    for (int x : a) {
      while (j < b.length && b[j] < x) j++;
      if (j >= b.length || b[j] != x) out[n++] = x;
    }
    return n == a.length ? a : Arrays.copyOf(out, n);
  }

  static double dice(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) return 0;
    int i = 0, j = 0, common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (a.length + b.length);
  }
}
