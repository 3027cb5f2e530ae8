package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.accounts.Accounts;
import cn.fivestar.conversation.Role;
import cn.fivestar.infra.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users add/list/passwd/remove}: passwords from stdin or generated, stored as bcrypt hashes only. */
class UsersCommandTest {
  @TempDir Path dir;

  /** Runs the command line with the given stdin; returns exit code and stdout. */
  private Object[] run(String stdin, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      int rc = Main.execute(all);
      return new Object[] {rc, buf.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setIn(in);
      System.setOut(out);
    }
  }

  private Accounts accounts() {
    return new Accounts(Database.inDataDir(dir), Clock.systemUTC());
  }

  @Test
  void addsListsChangesAndRemovesAccounts() throws Exception {
    assertEquals(0, run("alice-password-1\nalice-password-1\n", "users", "add", "alice", "--role", "staff")[0]);
    assertTrue(accounts().verify("alice", "alice-password-1").isPresent());
    assertFalse(accounts().verify("alice", "alice-password-2").isPresent());
    try (Connection c = Database.inDataDir(dir).connect();
         ResultSet rs = c.createStatement().executeQuery("SELECT password_hash FROM accounts")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(1).startsWith("$2a$12$"), "bcrypt, cost 12");
      assertFalse(rs.getString(1).contains("alice-password"));
    }

    assertEquals(2, run("one-password-1\nother-password\n", "users", "add", "bob", "--role", "staff")[0], "must repeat");
    assertEquals(2, run("short\n", "users", "add", "bob", "--role", "staff")[0], "too short");
    assertEquals(2, run("bob-password-1\n", "users", "add", "bob", "--role", "boss")[0], "unknown role");
    assertEquals(1, run("alice-password-1\n", "users", "add", "alice", "--role", "staff")[0], "exists");

    Object[] generated = run("", "users", "add", "张主任", "--role", "supervisor", "--telegram", "777");
    assertEquals(0, generated[0]);
    String out = (String) generated[1];
    String password = out.substring(out.indexOf(": ") + 2, out.indexOf('\n')).strip();
    assertEquals(16, password.length(), out);
    assertTrue(accounts().verify("张主任", password).isPresent());

    String list = (String) run("", "users", "list", "--json")[1];
    assertTrue(list.contains("\"name\":\"alice\",\"role\":\"staff\""), list);
    assertTrue(list.contains("\"telegram\":\"777\""), list);
    assertFalse(list.contains("$2a$"), "never the hashes");

    assertEquals(0, run("alice-password-9\n", "users", "passwd", "alice")[0]);
    assertTrue(accounts().verify("alice", "alice-password-9").isPresent());
    assertEquals(0, run("", "users", "remove", "alice")[0]);
    assertTrue(accounts().find("alice").isEmpty());
    assertEquals(1, run("", "users", "remove", "alice")[0]);
  }

  @Test
  void aLinkedAccountIsStaffInChatToo() throws Exception {
    Files.writeString(dir.resolve("roles.properties"), "telegram:777=resident\ntelegram:5=staff\n");
    assertEquals(0, run("", "users", "add", "zhang", "--role", "supervisor", "--telegram", "777")[0]);
    var roles = Services.roles(dir, Database.inDataDir(dir));
    assertEquals(Role.SUPERVISOR, roles.roleOf("telegram", "777"), "the account wins");
    assertEquals(Role.STAFF, roles.roleOf("telegram", "5"), "the file still counts");
    assertEquals(Role.RESIDENT, roles.roleOf("telegram", "6"));
  }
}
