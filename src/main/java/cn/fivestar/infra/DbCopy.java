package cn.fivestar.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Copies a whole store to another (SQLite → PostgreSQL and back) in one write transaction on the target, then
 * proves it: every table's row count and an order-independent checksum of its rows (values as text, so an
 * INTEGER on SQLite and a BIGINT on PostgreSQL compare equal) must match on both sides. The target must be empty
 * (freshly migrated); schema_migrations is not copied, the target has its own.
 */
public final class DbCopy {
  /** Tables in an order that respects foreign keys, with the identity column to move on afterwards (or null). */
  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("cases", null);
    KNOWN.put("case_history", "seq");
    KNOWN.put("case_messages", "seq");
    KNOWN.put("case_followers", null);
    KNOWN.put("case_day_seq", null);
    KNOWN.put("dialog_state", null);
    KNOWN.put("outbox", "id");
    KNOWN.put("tg_update", null);
    KNOWN.put("tg_state", null);
    KNOWN.put("tg_outbox", "id");
    KNOWN.put("tg_menu", null);
  }

  private static final int BATCH = 500;

  /** One table's figures on both sides. */
  public record TableCheck(String table, long sourceRows, long targetRows, String sourceSum, String targetSum) {
    public boolean ok() {
      return sourceRows == targetRows && sourceSum.equals(targetSum);
    }
  }

  private DbCopy() {}

  /** Copies every table of from into to and returns the checks (throws if the target is not empty). */
  public static List<TableCheck> copy(Database from, Database to) {
    List<String> tables = tables(from, to);
    to.write(t -> {
      for (String table : tables) {
        if (count(t, table) > 0) throw new UserException("the target store is not empty (table " + table + " has rows)");
      }
      for (String table : tables) copyTable(from, t, to.dialect(), table);
      return null;
    });
    return verify(from, to, tables);
  }

  /** Counts and checksums of both stores, table by table. */
  public static List<TableCheck> verify(Database from, Database to) {
    return verify(from, to, tables(from, to));
  }

  private static List<TableCheck> verify(Database from, Database to, List<String> tables) {
    List<TableCheck> out = new ArrayList<>();
    for (String table : tables) {
      long[] a = from.read(c -> new long[] {count(c, table)});
      long[] b = to.read(c -> new long[] {count(c, table)});
      String sa = from.read(c -> checksum(c, table));
      String sb = to.read(c -> checksum(c, table));
      out.add(new TableCheck(table, a[0], b[0], sa, sb));
    }
    return out;
  }

  /** The known tables, then any other table both stores have (a newer feature's), schema_migrations left out. */
  private static List<String> tables(Database from, Database to) {
    TreeSet<String> a = from.read(DbCopy::tableNames);
    TreeSet<String> b = to.read(DbCopy::tableNames);
    List<String> out = new ArrayList<>();
    for (String t : KNOWN.keySet()) if (a.contains(t) && b.contains(t)) out.add(t);
    for (String t : a) {
      if (b.contains(t) && !KNOWN.containsKey(t) && !t.equals("schema_migrations")) out.add(t);
    }
    for (String t : a) {
      if (!b.contains(t) && !t.equals("schema_migrations") && !t.startsWith("sqlite_")) {
        throw new UserException("the target store has no table " + t + " (run a newer version against it first)");
      }
    }
    return out;
  }

  private static TreeSet<String> tableNames(Connection c) throws SQLException {
    TreeSet<String> names = new TreeSet<>();
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema != null && !schema.equalsIgnoreCase("public")) continue;
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("sqlite_")) names.add(name);
      }
    }
    return names;
  }

  private static void copyTable(Database from, Connection target, Dialect dialect, String table) throws SQLException {
    List<String> columns = from.read(c -> columns(c, table));
    boolean selfReference = table.equals("cases") && columns.contains("merged_into");
    String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
    List<Object[]> mergedInto = new ArrayList<>();
    from.read(c -> {
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table);
           PreparedStatement ins = target.prepareStatement(insert)) {
        int pending = 0;
        while (rs.next()) {
          for (int i = 0; i < columns.size(); i++) {
            Object v = rs.getObject(i + 1);
            if (selfReference && columns.get(i).equals("merged_into") && v != null) {
              mergedInto.add(new Object[] {v, rs.getObject(columns.indexOf("id") + 1)});
              v = null; // set once every case exists
            }
            ins.setObject(i + 1, v);
          }
          ins.addBatch();
          if (++pending == BATCH) {
            ins.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) ins.executeBatch();
      }
      return null;
    });
    if (!mergedInto.isEmpty()) {
      try (PreparedStatement up = target.prepareStatement("UPDATE cases SET merged_into = ? WHERE id = ?")) {
        for (Object[] m : mergedInto) {
          up.setObject(1, m[0]);
          up.setObject(2, m[1]);
          up.addBatch();
        }
        up.executeBatch();
      }
    }
    String identity = KNOWN.get(table);
    if (identity != null) dialect.afterExplicitIds(target, table, identity);
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData m = rs.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++) out.add(m.getColumnName(i).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The sum (mod 2^128) of the SHA-256 prefixes of each row's values as text, in a fixed column order: equal for
   * the same multiset of rows whatever order either database returns them in.
   */
  private static String checksum(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>(columns(c, table));
    columns.sort(null);
    long hi = 0;
    long lo = 0;
    MessageDigest sha = sha256();
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
      StringBuilder row = new StringBuilder();
      while (rs.next()) {
        row.setLength(0);
        for (int i = 1; i <= columns.size(); i++) {
          String v = rs.getString(i);
          row.append(v == null ? "\u0000" : v).append('\u001f');
        }
        byte[] h = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
        long nlo = lo + toLong(h, 8);
        hi += toLong(h, 0) + (Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0);
        lo = nlo;
      }
    }
    return HexFormat.of().toHexDigits(hi) + HexFormat.of().toHexDigits(lo);
  }

  private static long toLong(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) v = (v << 8) | (b[i] & 0xff);
    return v;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
