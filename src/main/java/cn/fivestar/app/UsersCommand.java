package cn.fivestar.app;

import cn.fivestar.accounts.Account;
import cn.fivestar.accounts.AccountRole;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.UserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code users add|list|passwd|remove}: the web workbench's accounts (docs/web.md). Passwords come from stdin (first
 * line; a second line, when given, must repeat it), or are generated and printed once.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Web workbench accounts: add, list, passwd, remove.",
    subcommands = {UsersCommand.AddCmd.class, UsersCommand.ListCmd.class, UsersCommand.PasswdCmd.class,
        UsersCommand.RemoveCmd.class})
public final class UsersCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list, passwd or remove");
  }

  static Accounts accounts(DataCommand c) {
    return new Accounts(Database.inDataDir(c.dataDir()), Clock.systemUTC());
  }

  /** The new password: generated (printed once on stdout) or read from stdin. */
  static String password(boolean generate, PrintStream out) {
    if (!generate) {
      List<String> lines = new ArrayList<>();
      java.io.Console console = System.console();
      if (console != null) {
        char[] a = console.readPassword("Password: ");
        char[] b = console.readPassword("Repeat: ");
        if (a != null) lines.add(new String(a));
        if (b != null) lines.add(new String(b));
      } else {
        try {
          BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          for (String l; lines.size() < 2 && (l = in.readLine()) != null; ) lines.add(l);
        } catch (IOException e) {
          throw new UserException("cannot read the password from stdin: " + e.getMessage());
        }
      }
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
      if (!lines.isEmpty()) {
        if (lines.size() > 1 && !lines.get(0).equals(lines.get(1))) {
          throw UserException.usage("the two passwords differ");
        }
        Accounts.checkPassword(lines.get(0));
        return lines.get(0);
      }
    }
    String p = Accounts.generatePassword();
    out.println("generated password (shown only now): " + p);
    return p;
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add an account. Password from stdin (a second line repeats it), or generated when stdin is empty.")
  static final class AddCmd extends DataCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "staff or supervisor") String role;
    @Option(names = "--telegram", paramLabel = "ID",
        description = "Telegram user id of the same person: they get this role in chat too") String telegram;
    @Option(names = "--generate", description = "generate a password and print it once") boolean generate;

    @Override
    public Integer call() {
      AccountRole r = AccountRole.parse(role);
      if (r == null) throw UserException.usage("--role must be staff or supervisor, not '" + role + "'");
      String n = Accounts.checkName(name);
      Accounts accounts = accounts(this);
      if (accounts.find(n).isPresent()) throw new UserException("account " + n + " already exists");
      Account a = accounts.add(n, r, password(generate, System.out), telegram);
      System.out.println("added " + a.name() + " (" + a.role().code() + ")"
          + (a.telegramId() == null ? "" : ", linked to Telegram user " + a.telegramId()));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts (never their passwords).")
  static final class ListCmd extends DataCommand implements Callable<Integer> {
    @Option(names = "--json", description = "one JSON object per line") boolean json;

    @Override
    public Integer call() throws Exception {
      for (Account a : accounts(this).list()) {
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", a.name());
          m.put("role", a.role().code());
          m.put("telegram", a.telegramId());
          m.put("created", a.createdAt().toString());
          m.put("passwordChanged", a.passwordChangedAt().toString());
          System.out.println(CaseJson.MAPPER.writeValueAsString(m));
        } else {
          System.out.println(a.name() + "\t" + a.role().code() + "\t" + (a.telegramId() == null ? "-" : "telegram:" + a.telegramId())
              + "\t" + CasesCommand.TIME.format(a.createdAt()));
        }
      }
      return 0;
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a new password (stdin, or generated).")
  static final class PasswdCmd extends DataCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--generate", description = "generate a password and print it once") boolean generate;

    @Override
    public Integer call() {
      Accounts accounts = accounts(this);
      if (accounts.find(name).isEmpty()) throw new UserException("no account named " + name);
      accounts.setPassword(name, password(generate, System.out));
      System.out.println("password changed for " + name.strip() + " (its open web sessions end at their next request)");
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account.")
  static final class RemoveCmd extends DataCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      accounts(this).remove(name);
      System.out.println("removed " + name.strip());
      return 0;
    }
  }
}
