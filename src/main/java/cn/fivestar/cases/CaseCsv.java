package cn.fivestar.cases;

import cn.fivestar.infra.PersonalData;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Excel-friendly CSV export: UTF-8 with a byte-order mark (so Excel detects UTF-8), CRLF line ends, RFC 4180 quoting
 * (fields with comma, quote or line break in double quotes, quotes doubled). Personal data is masked (phone, ID and
 * phone numbers inside texts) because exports leave the system. A cell that Excel would run as a formula
 * (=, +, -, @ first) gets a leading apostrophe.
 */
public final class CaseCsv {
  public static final List<String> HEADER = List.of("编号", "状态", "类型", "分类", "影响的星", "地点", "诉求内容", "反映人", "电话",
      "渠道", "受理时间", "办理时限", "首次响应时间", "承办人", "办结时间", "合并到", "满意度", "评价", "最新答复");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseService.ZONE);

  private CaseCsv() {}

  public static void write(Writer out, List<CaseRecord> cases) throws IOException {
    out.write('\uFEFF');
    row(out, HEADER);
    for (CaseRecord r : cases) {
      CaseMessage reply = r.lastReply();
      row(out, List.of(r.id(), r.status().label(), r.kind().label(), r.category(), nz(r.star()),
          mask(r.location()), mask(r.text()), mask(r.displayName()), nz(r.maskedPhone()), r.channel(),
          time(r.createdAt()), time(r.dueAt()), time(r.firstResponseAt()), nz(r.assignee()), time(r.closedAt()),
          nz(r.mergedInto()), r.rating() == null ? "" : r.rating().toString(), mask(r.ratingComment()),
          reply == null ? "" : mask(reply.text())));
    }
    out.flush();
  }

  private static void row(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.write(',');
      out.write(field(fields.get(i)));
    }
    out.write("\r\n");
  }

  static String field(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static String mask(String s) {
    return s == null ? "" : PersonalData.mask(s);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }
}
