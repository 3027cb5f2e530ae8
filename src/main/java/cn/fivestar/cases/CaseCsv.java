package cn.fivestar.cases;

import cn.fivestar.infra.PersonalData;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Excel-friendly CSV export, written with jackson-dataformat-csv: UTF-8 with a byte-order mark (so Excel detects
 * UTF-8), CRLF line ends, RFC 4180 quoting only where needed (fields with comma, quote or line break in double
 * quotes, quotes doubled). Personal data is masked (phone, ID and phone numbers inside texts) because exports
 * leave the system. A cell that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
public final class CaseCsv {
  public static final List<String> HEADER = List.of("编号", "状态", "类型", "分类", "影响的星", "地点", "诉求内容", "反映人", "电话",
      "渠道", "受理时间", "办理时限", "首次响应时间", "承办人", "办结时间", "合并到", "满意度", "评价", "最新答复", "重办次数");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseService.ZONE);
  /** Minimal quoting; the caller's writer stays open (it may be standard output). */
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\r\n");

  private CaseCsv() {}

  /** The BOM, the header and one row per case, in the order given (重办次数 0); flushes but does not close out. */
  public static void write(Writer out, List<CaseRecord> cases) throws IOException {
    write(out, cases, Map.of());
  }

  /**
   * The same with each case's reopen count ({@link CaseService#reopenCounts}; a case not in the map counts 0).
   */
  public static void write(Writer out, List<CaseRecord> cases, Map<String, Integer> reopens) throws IOException {
    out.write('\uFEFF');
    try (Rows rows = new Rows(out)) {
      rows.add(HEADER);
      for (CaseRecord r : cases) rows.add(cells(r, reopens.getOrDefault(r.id(), 0)));
    }
    out.flush();
  }

  /** The cells of one case never reopened. */
  static List<String> cells(CaseRecord r) {
    return cells(r, 0);
  }

  /** The cells of one case, masked, in the order of {@link #HEADER}. */
  static List<String> cells(CaseRecord r, int reopens) {
    CaseMessage reply = r.lastReply();
    return List.of(r.id(), r.status().label(), r.kind().label(), r.category(), nz(r.star()),
        mask(r.location()), mask(r.text()), mask(r.displayName()), nz(r.maskedPhone()), r.channel(),
        time(r.createdAt()), time(r.dueAt()), time(r.firstResponseAt()), nz(r.assignee()), time(r.closedAt()),
        nz(r.mergedInto()), r.rating() == null ? "" : r.rating().toString(), mask(r.ratingComment()),
        reply == null ? "" : mask(reply.text()), Integer.toString(reopens));
  }

  /** One row as written (with its CRLF): for tests of quoting. */
  static String row(List<String> cells) throws IOException {
    StringWriter out = new StringWriter();
    try (Rows rows = new Rows(out)) {
      rows.add(cells);
    }
    return out.toString();
  }

  /** Rows written through one Jackson CSV generator. */
  private static final class Rows implements Closeable {
    private final CsvGenerator gen;

    Rows(Writer out) throws IOException {
      gen = FACTORY.createGenerator(out);
      gen.setSchema(ROWS);
    }

    void add(List<String> cells) throws IOException {
      gen.writeStartArray();
      for (String cell : cells) {
        String v = defused(cell);
        // Jackson's strict check looks for the line separator's first character (CR) only; a bare LF must be
        // quoted too, or the row would break in two
        boolean lineFeed = v.indexOf('\n') >= 0;
        if (lineFeed) gen.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        gen.writeString(v);
        if (lineFeed) gen.disable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
      }
      gen.writeEndArray();
    }

    @Override
    public void close() throws IOException {
      gen.close();
    }
  }

  /** A formula-looking cell is shown as text, never run. */
  private static String defused(String v) {
    return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
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
