package cn.fivestar.infra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data (mainland phone numbers, ID card numbers) in text shown in logs and exports. */
public final class PersonalData {
  // 18-digit resident ID (last char may be X), then 11-digit mobile, then landlines like 0371-12345678.
  private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[\\dXx])(?!\\d)");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3}-?)\\d{3,4}(\\d{4})(?!\\d)");

  private PersonalData() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) return text;
    String s = replace(ID_CARD, text, "********");
    s = replace(MOBILE, s, "****");
    return replace(LANDLINE, s, "****");
  }

  private static String replace(Pattern p, String text, String stars) {
    Matcher m = p.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + stars + r.group(2)));
  }
}
