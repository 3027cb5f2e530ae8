package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleDirectoryTest {
  @TempDir Path dir;

  @Test
  void channelLinesBareLinesAndResidentsByDefault() throws Exception {
    Files.writeString(dir.resolve(RoleDirectory.FILE_NAME), """
        \uFEFF# staff of 幸福路社区
        telegram:123456789=staff
        console:alice = supervisor
        555=staff
        telegram:555=resident
        """);
    RoleDirectory roles = RoleDirectory.forDataDir(dir);
    assertEquals(Role.STAFF, roles.roleOf("telegram", "123456789"));
    assertEquals(Role.RESIDENT, roles.roleOf("console", "123456789"), "a channel line is for that channel only");
    assertEquals(Role.SUPERVISOR, roles.roleOf("console", "alice"));
    assertEquals(Role.STAFF, roles.roleOf("console", "555"), "a bare id matches any channel");
    assertEquals(Role.RESIDENT, roles.roleOf("telegram", "555"), "an exact line wins over a bare one");
    assertEquals(Role.RESIDENT, roles.roleOf("telegram", "999"));
    assertEquals(Role.RESIDENT, roles.roleOf("telegram", null));
  }

  @Test
  void aMissingFileMeansEveryoneIsAResident() {
    assertEquals(Role.RESIDENT, RoleDirectory.forDataDir(dir).roleOf("console", "alice"));
  }

  @Test
  void aMalformedLineNamesItsLineNumber() {
    UserException e = assertThrows(UserException.class,
        () -> RoleDirectory.parse("telegram:1=staff\ntelegram:2=boss\n", "roles.properties"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(UserException.class, () -> RoleDirectory.parse("=staff", "x"));
    assertThrows(UserException.class, () -> RoleDirectory.parse(":7=staff", "x"));
  }
}
