package cn.fivestar.channels.web;

import cn.fivestar.cases.CaseDates;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The parameters of a query string (first value wins); malformed input is a 400, never a 500. */
final class Query {
  private static final int MAX_VALUE = 200;
  static final LocalDate FIRST_DAY = CaseDates.FIRST_DAY;
  static final LocalDate LAST_DAY = CaseDates.LAST_DAY;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private final Map<String, String> values;

  private Query(Map<String, String> values) {
    this.values = values;
  }

  static Query parse(String rawQuery) {
    return parse(rawQuery, MAX_VALUE);
  }

  /** A posted form (application/x-www-form-urlencoded): values up to 8000 characters (replies, notes). */
  static Query form(String body) {
    return parse(body, 8000);
  }

  private static Query parse(String rawQuery, int maxValue) {
    Map<String, String> map = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (value.length() > maxValue) throw HttpError.badRequest("参数「" + clip(name) + "」过长。");
        map.putIfAbsent(name, value);
      }
    }
    return new Query(map);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("网址中的参数格式不正确。");
    }
  }

  /** The stripped value, or null when absent or blank. */
  String get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * A yyyy-MM-dd date between {@link #FIRST_DAY} and {@link #LAST_DAY}, or null when absent. Anything else is a
   * 400: LocalDate alone accepts years like -999999999, whose start of day overflows further down.
   */
  LocalDate date(String name, String label) {
    String v = get(name);
    if (v == null) return null;
    LocalDate d;
    try {
      if (!DATE.matcher(v).matches()) throw new DateTimeParseException("not yyyy-MM-dd", v, 0);
      d = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest(label + "「" + clip(v) + "」不是有效日期，请写成 2026-01-05 这样的格式。");
    }
    if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) {
      throw HttpError.badRequest(label + "「" + clip(v) + "」超出范围，请填写 " + FIRST_DAY + " 到 " + LAST_DAY
          + " 之间的日期。");
    }
    return d;
  }

  /** The from and to dates of a filter, either may be null. */
  record Dates(LocalDate from, LocalDate to) {}

  /** from and to as {@link #date}, and a 400 when from is after to. */
  Dates dates() {
    LocalDate from = date("from", "开始日期");
    LocalDate to = date("to", "结束日期");
    if (from != null && to != null && from.isAfter(to)) throw HttpError.badRequest("开始日期不能晚于结束日期。");
    return new Dates(from, to);
  }

  /** A checkbox-like flag: absent, empty or 0 = false; 1, true or on = true; anything else is refused. */
  boolean flag(String name, String label) {
    String v = get(name);
    if (v == null || v.equals("0") || v.equalsIgnoreCase("false")) return false;
    if (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on")) return true;
    throw HttpError.badRequest(label + "只能是 1（是）或 0（否），收到的是「" + clip(v) + "」。");
  }

  static String clip(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
