package cn.fivestar.answer;

import java.util.regex.Pattern;

/**
 * A yes/no question about a practice the documents describe ("清援普法 能免费帮俺写个起诉状不", "给清风邮局写信 要不要写真名")
 * is answered only by a text that speaks of what it asks (起诉状, 真名): the practice's description alone says nothing
 * about it.
 */
final class YesNo {
  /** A clause asking yes or no: 能不能, 要不要, 会不会, 签…不, …吗, …没. */
  private static final Pattern ASKS = Pattern.compile(
      "(\\p{IsHan})不\\1|(?:不|吗|么|没|没有)$");
  /** Words that only ask, point or address: what is left is what the question asks about. */
  private static final Pattern ASKING = Pattern.compile(
      "(\\p{IsHan})不\\1|有没有|可不可以|"
          + "俺们|我们|咱们|恁们|你们|俺|我|咱|恁|你|您|他们|他|她|家里人|家里|人家|那个|这个|那|这|一下|一个|个|"
          + "能|会|要|得|可以|还|也|都|就|又|再|给|帮|让|把|被|跟|和|去|来|是|有|用|算|吗|么|呢|哩|嘞|啊|呀|吧|不|没有|没|了|的|着|过");

  private YesNo() {}

  /**
   * What a yes/no question asks about in its asking clause ("免费 写 起诉状" of "…清援普法，能免费帮俺写个起诉状不"),
   * or null when it is no yes/no question or names nothing beyond the asking words.
   */
  static String asked(String question) {
    String[] clauses = question.strip().split("[，,。；;！!？?\\s]+");
    for (int i = clauses.length - 1; i >= 0; i--) {
      String c = clauses[i];
      if (c.isEmpty() || !ASKS.matcher(c).find()) continue;
      String rest = ASKING.matcher(c).replaceAll(" ").replaceAll("[^\\p{IsHan}]+", " ").strip();
      return rest.isEmpty() ? null : rest;
    }
    return null;
  }

  /** Whether {@code answer} speaks of what the yes/no question asks (true for other questions and mixed ones). */
  static boolean speaksOf(String question, String answer) {
    // "验收了多少家 有报到市里哩没": the figure asked is what the answer must hold; the yes/no part comes with it.
    String asked = AskedThing.focus(question) != null ? null : asked(question);
    if (asked == null) return true;
    // Nothing of two characters left ("村 搞") names nothing to look for.
    boolean names = java.util.Arrays.stream(asked.split(" ")).anyMatch(run -> run.length() >= 2);
    return !names || TermOverlap.sharesPair(asked, answer);
  }
}
