package cn.fivestar.conversation;

import cn.fivestar.infra.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is staff or supervisor, from a small config file; everyone else is a resident. Lines look like
 * {@code telegram:123456789=staff} or {@code console:alice=supervisor}; a bare {@code 123456789=staff} matches that
 * user id on any channel. '#' starts a comment. The file is {@code roles.properties} in the data folder, or the
 * path in {@code FIVESTAR_ROLES}; a missing file means everyone is a resident.
 */
public final class RoleDirectory {
  public static final String FILE_NAME = "roles.properties";
  public static final String ENV = "FIVESTAR_ROLES";

  private final Map<String, Role> exact;
  private final Map<String, Role> anyChannel;

  private RoleDirectory(Map<String, Role> exact, Map<String, Role> anyChannel) {
    this.exact = Map.copyOf(exact);
    this.anyChannel = Map.copyOf(anyChannel);
  }

  public static RoleDirectory empty() {
    return new RoleDirectory(Map.of(), Map.of());
  }

  /** The directory for a data folder: $FIVESTAR_ROLES if set, else DIR/roles.properties (absent: empty). */
  public static RoleDirectory forDataDir(Path dataDir) {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path file = Path.of(env.strip());
      if (!Files.exists(file)) throw new UserException(ENV + " points to a missing file: " + file);
      return load(file);
    }
    Path file = dataDir.resolve(FILE_NAME);
    return Files.exists(file) ? load(file) : empty();
  }

  public static RoleDirectory load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UserException("cannot read roles file " + file + ": " + e.getMessage());
    }
  }

  /** Parses the file content; a malformed line fails with its line number so a typo never goes unnoticed. */
  public static RoleDirectory parse(String content, String source) {
    Map<String, Role> exact = new HashMap<>();
    Map<String, Role> anyChannel = new HashMap<>();
    String[] lines = content.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
      if (line.isEmpty() || line.startsWith("#")) continue;
      int eq = line.lastIndexOf('=');
      Role role = eq < 0 ? null : Role.parse(line.substring(eq + 1));
      String who = eq < 0 ? "" : line.substring(0, eq).strip();
      if (role == null || who.isEmpty()) {
        throw new UserException(source + " line " + (i + 1)
            + ": expected [channel:]userId=resident|staff|supervisor, got: " + line);
      }
      int colon = who.indexOf(':');
      if (colon < 0) {
        anyChannel.put(who, role);
      } else {
        String channel = who.substring(0, colon).strip();
        String user = who.substring(colon + 1).strip();
        if (channel.isEmpty() || user.isEmpty()) throw new UserException(source + " line " + (i + 1) + ": empty channel or user id");
        exact.put(channel + ":" + user, role);
      }
    }
    return new RoleDirectory(exact, anyChannel);
  }

  /**
   * Everyone listed with this role, sorted: "channel:user" for channel lines, the bare user id for lines without a
   * channel (for reminders and digests that must reach them).
   */
  public java.util.List<String> withRole(Role role) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    exact.forEach((who, r) -> {
      if (r == role) out.add(who);
    });
    anyChannel.forEach((who, r) -> {
      if (r == role) out.add(who);
    });
    return java.util.List.copyOf(out);
  }

  /** The role for a user on a channel: an exact channel:user line wins over a bare user line; default resident. */
  public Role roleOf(String channel, String userId) {
    if (userId == null) return Role.RESIDENT;
    Role r = exact.get(channel + ":" + userId);
    if (r == null) r = anyChannel.get(userId);
    return r == null ? Role.RESIDENT : r;
  }
}
