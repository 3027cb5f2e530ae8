package cn.fivestar.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.UserException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web accounts, in the bot's SQLite database (table accounts, migration V30). Passwords are stored as bcrypt
 * hashes (cost {@link #DEFAULT_COST}); checking a name that does not exist still costs one bcrypt verification, so
 * timing does not tell which names exist.
 */
public final class Accounts {
  public static final int DEFAULT_COST = 12;
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 72;  // bcrypt ignores bytes beyond 72
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");
  private static final Pattern TELEGRAM_ID = Pattern.compile("-?\\d{1,20}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final Database db;
  private final Clock clock;
  private final int cost;
  private final byte[] dummyHash;

  public Accounts(Database db, Clock clock) {
    this(db, clock, DEFAULT_COST);
  }

  /** With another bcrypt cost (tests use 4). */
  public Accounts(Database db, Clock clock, int cost) {
    this.db = db;
    this.clock = clock;
    this.cost = cost;
    this.dummyHash = BCrypt.withDefaults().hash(cost, "not-a-password".toCharArray());
  }

  /** A random password of 16 characters from an alphabet without look-alikes (0/O, 1/l/I). */
  public static String generatePassword() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  /** Checks a name: letters (Chinese too), digits, _ . - and at most 32 characters. */
  public static String checkName(String name) {
    String n = name == null ? "" : name.strip();
    if (!NAME.matcher(n).matches()) {
      throw UserException.usage("account name must be 1-32 letters, digits, '_', '.' or '-': '" + n + "'");
    }
    return n;
  }

  /** Checks a password's length (10 to 72 bytes in UTF-8). */
  public static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw UserException.usage("password too short: use at least " + MIN_PASSWORD + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
      throw UserException.usage("password too long: at most " + MAX_PASSWORD + " bytes");
    }
  }

  private static String checkTelegram(String id) {
    if (id == null || id.isBlank()) return null;
    String t = id.strip();
    if (!TELEGRAM_ID.matcher(t).matches()) throw UserException.usage("--telegram must be a numeric Telegram user id: " + t);
    return t;
  }

  public Account add(String name, AccountRole role, String password, String telegramId) {
    String n = checkName(name);
    if (role == null) throw UserException.usage("--role must be staff or supervisor");
    checkPassword(password);
    String tg = checkTelegram(telegramId);
    if (find(n).isPresent()) throw new UserException("account " + n + " already exists");
    if (tg != null && byTelegram(tg).isPresent()) {
      throw new UserException("Telegram user " + tg + " is already linked to account " + byTelegram(tg).get().name());
    }
    long now = clock.millis();
    write("INSERT INTO accounts(name, role, password_hash, telegram_id, created_at, password_changed_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", n, role.code(), hash(password), tg, now, now);
    return find(n).orElseThrow();
  }

  public List<Account> list() {
    return query("SELECT * FROM accounts ORDER BY name", (Object[]) null);
  }

  public boolean any() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts LIMIT 1"); ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    });
  }

  public Optional<Account> find(String name) {
    if (name == null) return Optional.empty();
    return query("SELECT * FROM accounts WHERE name = ?", name.strip()).stream().findFirst();
  }

  public Optional<Account> byTelegram(String telegramId) {
    return query("SELECT * FROM accounts WHERE telegram_id = ?", telegramId).stream().findFirst();
  }

  public void setPassword(String name, String password) {
    checkPassword(password);
    Account a = find(name).orElseThrow(() -> new UserException("no account named " + name));
    write("UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE name = ?", hash(password),
        clock.millis(), a.name());
  }

  public void remove(String name) {
    Account a = find(name).orElseThrow(() -> new UserException("no account named " + name));
    write("DELETE FROM accounts WHERE name = ?", a.name());
  }

  /** The account when name and password match; empty otherwise (same work either way). */
  public Optional<Account> verify(String name, String password) {
    if (name == null || password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
      BCrypt.verifyer().verify("x".toCharArray(), dummyHash);
      return Optional.empty();
    }
    String stored = db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM accounts WHERE name = ?")) {
        ps.setString(1, name.strip());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    byte[] hash = stored == null ? dummyHash : stored.getBytes(StandardCharsets.US_ASCII);
    boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    return ok && stored != null ? find(name) : Optional.empty();
  }

  private String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  private void write(String sql, Object... args) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps.executeUpdate();
      }
    });
  }

  private List<Account> query(String sql, Object... args) {
    return db.read(c -> {
      List<Account> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (args != null) for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Account(rs.getString("name"), AccountRole.parse(rs.getString("role")), rs.getString("telegram_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("password_changed_at"))));
          }
        }
      }
      return out;
    });
  }
}
