package cn.fivestar.cases;

import java.util.regex.Pattern;

/**
 * Cleans and checks text that people typed. Control and invisible formatting characters (bidi overrides,
 * zero-width spaces, lone surrogates) are stripped — they are never meaningful in a request and can hide content;
 * line breaks are kept in multi-line fields. What is too long or empty after cleaning is refused with a Chinese
 * message rather than silently cut, so nothing a resident wrote is lost without them knowing.
 */
final class CaseInput {
  static final int MAX_TEXT = 2000;
  static final int MAX_LINE = 200;
  static final int MAX_NAME = 64;
  static final int MAX_COMMENT = 500;
  static final int MAX_ID = 128;
  static final int MAX_PHOTOS = 20;
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,23}");

  private CaseInput() {}

  /** Multi-line text (case text, reply, note). */
  static String text(String value, String field, int max, boolean required) {
    return check(clean(value, true), field, max, required);
  }

  /** Single-line text (location, names, actor): line breaks become spaces. */
  static String line(String value, String field, int max, boolean required) {
    return check(clean(value, false), field, max, required);
  }

  static String phone(String value) {
    String p = line(value, "电话", 32, false);
    if (p == null) return null;
    if (!PHONE.matcher(p).matches()) {
      throw CaseException.invalid("电话号码格式不对：请只填数字（可带“-”），例如 13812345678 或 0371-66881234。");
    }
    return p;
  }

  private static String check(String s, String field, int max, boolean required) {
    if (s == null || s.isEmpty()) {
      if (required) throw CaseException.invalid(field + "不能为空。");
      return null;
    }
    int n = s.codePointCount(0, s.length());
    if (n > max) {
      throw CaseException.invalid(field + "太长了（" + n + " 字），请精简到 " + max + " 字以内，或分几次说明。");
    }
    return s;
  }

  /** Strips control/format characters and lone surrogates; trims; null stays null. */
  static String clean(String value, boolean multiline) {
    if (value == null) return null;
    StringBuilder sb = new StringBuilder(value.length());
    String s = value.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        sb.append(multiline ? '\n' : ' ');
      } else if (cp == '\t') {
        sb.append(' ');
      } else if (Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
        // lone surrogate: not text
      } else if (Character.getType(cp) == Character.CONTROL) {
        // NUL, BEL, ESC…: dropped
      } else if (Character.getType(cp) == Character.FORMAT && cp != 0x200D && !(cp >= 0xE0020 && cp <= 0xE007F)) {
        // bidi overrides, zero-width spaces, BOM; keep ZWJ and tag characters (emoji sequences)
      } else {
        sb.appendCodePoint(cp);
      }
    }
    String out = multiline ? sb.toString().replaceAll("[ \\u3000]+\n", "\n").replaceAll("\n{3,}", "\n\n")
        : sb.toString().replaceAll("\\s+", " ");
    return out.strip();
  }
}
