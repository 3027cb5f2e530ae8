package cn.fivestar.cases;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF records, line breaks inside quotes. */
public final class Rfc4180 {
  private Rfc4180() {}

  public static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    for (int i = 0; i < csv.length(); i++) {
      char ch = csv.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        if (field.length() > 0) throw new IllegalArgumentException("quote inside unquoted field at " + i);
        quoted = true;
        fieldStarted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (ch == '\r') {
        if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') throw new IllegalArgumentException("bare CR at " + i);
      } else if (ch == '\n') {
        if (i == 0 || csv.charAt(i - 1) != '\r') throw new IllegalArgumentException("bare LF outside quotes at " + i);
        row.add(field.toString());
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
      } else {
        field.append(ch);
        fieldStarted = true;
      }
    }
    if (quoted) throw new IllegalArgumentException("unterminated quote");
    if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
