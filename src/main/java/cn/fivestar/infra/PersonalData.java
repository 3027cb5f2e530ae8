package cn.fivestar.infra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking function for personal data (mainland ID card numbers, mobile and landline phone numbers) in
 * everything the product shows or writes: chat and Telegram replies about other people's cases, staff notices,
 * the dashboard, CSV exports and logs. Numbers are found however people type them: with +86, with spaces, dashes
 * or dots between the groups, or in full-width digits.
 */
public final class PersonalData {
  /** A separator people put between digit groups: space, dash, dot (ASCII or full-width), at most one. */
  private static final String SEP = "[\\s\\-.\\u2010-\\u2015\\u3000\\uFF0D\\uFF0E]?";
  // 18-digit resident ID (last char may be X), then 11-digit mobile (optionally +86 / 0086), then landlines.
  private static final Pattern ID_CARD = Pattern.compile(
      "(?<![\\dA-Za-z])(\\d{6})" + SEP + "(\\d{4})" + SEP + "(\\d{4})" + SEP + "(\\d{3}[\\dXx])(?![\\dA-Za-z])");
  private static final Pattern MOBILE = Pattern.compile(
      "(?<!\\d)((?:(?:\\+|00)?86" + SEP + ")?1[3-9]\\d)" + SEP + "\\d{4}" + SEP + "(\\d{4})(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile(
      "(?<!\\d)((?:\\+?86" + SEP + ")?\\(?0\\d{2,3}\\)?" + SEP + ")\\d{3,4}" + SEP + "(\\d{4})(?!\\d)");

  private PersonalData() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) return text;
    String s = asciiDigits(text);
    s = ID_CARD.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "********" + r.group(4)));
    s = MOBILE.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "****" + r.group(2)));
    return LANDLINE.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "****" + r.group(2)));
  }

  /** The text with its ID card numbers masked (phones kept: a report's own contact is needed). */
  public static String maskIdCards(String text) {
    if (text == null || text.isEmpty()) return text;
    String s = asciiDigits(text);
    Matcher m = ID_CARD.matcher(s);
    return m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "********" + r.group(4))) : text;
  }

  /** The text with its mobile numbers masked, but for {@code kept} (may be null). */
  public static String maskPhonesExcept(String text, String kept) {
    if (text == null || text.isEmpty()) return text;
    Matcher m = MOBILE.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String digits = m.group().replaceAll("\\D", "");
      boolean own = kept != null && digits.endsWith(kept.replaceAll("\\D", ""));
      m.appendReplacement(out, Matcher.quoteReplacement(own ? m.group() : m.group(1) + "****" + m.group(2)));
      changed |= !own;
    }
    m.appendTail(out);
    return changed ? out.toString() : text;
  }

  /** Full-width digits (０-９) as ASCII, so they are found like any other; everything else is left as it is. */
  private static String asciiDigits(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\uFF10' && c <= '\uFF19') {
        if (b == null) b = new StringBuilder(text);
        b.setCharAt(i, (char) ('0' + (c - '\uFF10')));
      }
    }
    return b == null ? text : b.toString();
  }
}
