package cn.fivestar.channels.web;

import cn.fivestar.cases.CaseCsv;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** GET /export.csv: the same CSV as {@code cases export}: oldest first, UTF-8 with BOM, personal data masked. */
final class CaseExport {
  private CaseExport() {}

  static void send(Exchange ex, CaseService cases, Query q) throws IOException {
    Query.Dates d = q.dates();
    List<CaseRecord> ordered = new ArrayList<>(cases.list(CaseQuery.supervised(q, d)));
    Collections.reverse(ordered);
    ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
    try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
      CaseCsv.write(w, ordered, cases.reopenCounts(ordered));
    }
    String name = "cases" + (d.from() == null ? "" : "-" + d.from()) + (d.to() == null ? "" : "-to-" + d.to()) + ".csv";
    ex.responseHeaders().put("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ex.send(200, "text/csv; charset=utf-8", buf.toByteArray());
  }
}
