package cn.fivestar.channels.web;

import cn.fivestar.infra.PersonalData;
import cn.fivestar.cases.CaseService;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** HTML building blocks: escaping, the page frame with its navigation, and value formatting. */
final class Html {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseService.ZONE);

  private static final String STYLE = """
      body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f6f6f4}
      header{background:#b71c1c;color:#fff;padding:.6em 1.2em;display:flex;gap:1.4em;align-items:center;flex-wrap:wrap}
      header b{font-size:1.1em}header a{color:#fff;text-decoration:none}header a.on{border-bottom:2px solid #ffd54f}
      main{padding:1em 1.2em;max-width:1240px}h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em}
      table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
      th{background:#eee}td.n{text-align:right}.cards{display:flex;flex-wrap:wrap;gap:.8em}
      .card{background:#fff;border:1px solid #ddd;padding:.6em 1em;min-width:8em}.cards+form.f{margin-top:1em}.card .v{font-size:1.5em;font-weight:bold;color:#b71c1c}
      .msg{background:#fff3e0;border:1px solid #ffb74d;padding:.6em 1em}.late{color:#c62828;font-weight:bold}
      form.f{background:#fff;border:1px solid #ddd;padding:.6em 1em;display:flex;gap:1em;flex-wrap:wrap;align-items:end}
      .pre{white-space:pre-wrap}svg{background:#fff;border:1px solid #ddd;max-width:100%;height:auto}.muted{color:#777}
      *{box-sizing:border-box}main{overflow-wrap:break-word}input,select,textarea,button{font:inherit;max-width:100%}
      textarea{width:100%;min-height:5em}button{padding:.3em .9em;cursor:pointer;white-space:nowrap}.who{margin-left:auto;font-size:.9em}
      header form{margin:0}.acts{display:grid;grid-template-columns:repeat(auto-fill,minmax(18em,1fr));gap:.8em;margin:1em 0}
      .acts form{background:#fff;border:1px solid #ddd;padding:.6em .8em;margin:0}.acts h3{margin:.1em 0 .4em;font-size:1em}
      .acts label{display:block;margin:.3em 0}.ok{background:#e8f5e9;border:1px solid #81c784;padding:.6em 1em}
      table.list td.s{max-width:32em}.st{display:inline-block;white-space:nowrap;padding:0 .4em;border-radius:3px;background:#eceff1;font-size:.9em}
      .hb{display:block;height:.7em;background:#c62828;min-width:1px}.tw{overflow-x:auto}.chart{max-width:540px}table.kv th{width:7em}
      @media (min-width:701px){table.list td:not(.s):not(.pre),table.list th{white-space:nowrap}}
      @media (max-width:700px){header{padding:.5em .8em;gap:.4em .9em}main{padding:.6em .7em}
        table.list,table.list tbody,table.list tr,table.list td{display:block;width:100%}table.list tr:first-child{display:none}
        table.list tr{background:#fff;border:1px solid #ddd;margin:0 0 .6em;padding:.4em .6em}table.list td{border:0;padding:.1em 0}
        table.list td[data-label]::before{content:attr(data-label) "：";color:#777}table.list td.n{text-align:left}
        table:not(.list):not(.kv){display:block;overflow-x:auto}.acts{grid-template-columns:1fr}.who{margin-left:0}}
      """;

  private Html() {}

  /** Escapes text for element content and quoted attribute values. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Resident-entered text: phone and ID numbers masked, then escaped. */
  static String masked(String s) {
    return esc(PersonalData.mask(s));
  }

  /** A whole page; active is the path of the current navigation item. */
  static String page(String title, String active, String body) {
    StringBuilder sb = new StringBuilder(body.length() + 2048);
    sb.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" · 五星支部诉求看板</title><style>").append(STYLE)
        .append("</style></head><body><header><b>五星支部诉求看板</b>");
    nav(sb, "/work", "待接办", active);
    nav(sb, "/work/mine", "我的案件", active);
    nav(sb, "/overdue", "超期", active);
    nav(sb, "/cases", "案件列表", active);
    nav(sb, "/sup", "督办", active);
    nav(sb, "/", "概览", active);
    nav(sb, "/feedback", "回答评价", active);
    sb.append("</header><main>").append(body).append("</main></body></html>");
    return sb.toString();
  }

  /** The page with a 退出登录 button in its header (for pages seen through a login session). */
  static String withLogout(String page) {
    return withLogout(page, null);
  }

  /** The same, naming the account that is logged in (null: a read-only session). */
  static String withLogout(String page, cn.fivestar.accounts.Account account) {
    int end = page.indexOf("</header>");
    if (end < 0) return page;
    return page.substring(0, end) + "<span class=\"who\">" + (account == null ? "只读查看"
        : esc(account.name()) + "（" + account.role().label() + "）") + "</span><form method=\"post\" action=\"/logout\">"
        + "<button>退出登录</button></form>" + page.substring(end);
  }

  private static void nav(StringBuilder sb, String href, String label, String active) {
    sb.append("<a href=\"").append(href).append('"').append(href.equals(active) ? " class=\"on\"" : "").append('>')
        .append(label).append("</a>");
  }

  static String time(Instant t) {
    return t == null ? "—" : TIME.format(t);
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  static String hours(Double v) {
    if (v == null) return "—";
    return v >= 48 ? String.format(Locale.ROOT, "%.1f 天", v / 24) : String.format(Locale.ROOT, "%.1f 小时", v);
  }

  /** How long past a deadline, in words ("3 天 2 小时"). */
  static String lateBy(Instant due, Instant now) {
    Duration d = Duration.between(due, now);
    long days = d.toDays();
    long hours = d.minusDays(days).toHours();
    if (days > 0) return days + " 天" + (hours > 0 ? " " + hours + " 小时" : "");
    return hours > 0 ? hours + " 小时" : "不到 1 小时";
  }

  /** "—" for empty values, escaped otherwise. */
  static String or(String s) {
    return s == null || s.isBlank() ? "—" : esc(s);
  }

  /** A figure on the cards row of a page (overview, 回答评价, 督办). */
  static void card(StringBuilder b, String label, String value) {
    b.append("<div class=\"card\"><div>").append(esc(label)).append("</div><div class=\"v\">").append(esc(value))
        .append("</div></div>");
  }
}
