package cn.fivestar.cases;

import cn.fivestar.infra.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
  final Taxonomy t = Taxonomy.defaults();
  @TempDir Path dir;

  @Test
  void defaultIsTheDesignTable() {
    assertEquals(List.of("矛盾纠纷", "治安消防", "环境卫生", "设施维修", "物业停车", "养老助残", "就业帮扶", "党务作风", "其他"),
        t.categories());
    assertEquals(Optional.of("平安法治星"), t.starFor("矛盾纠纷", false));
    assertEquals(Optional.of("平安法治星"), t.starFor("治安消防", true));
    assertEquals(Optional.of("共建共享星"), t.starFor("环境卫生", false));
    assertEquals(Optional.of("生态宜居星"), t.starFor("设施维修", true));
    assertEquals(Optional.of("共建共享星"), t.starFor("物业停车", true));
    assertEquals(Optional.of("幸福和谐星"), t.starFor("养老助残", false));
    assertEquals(Optional.of("文明幸福星"), t.starFor("养老助残", true));
    assertEquals(Optional.of("宜业兴业星"), t.starFor("就业帮扶", false));
    assertEquals(Optional.of("产业兴旺星"), t.starFor("就业帮扶", true));
    assertEquals(Optional.of("支部过硬星"), t.starFor("党务作风", true));
    assertEquals(Optional.empty(), t.starFor("其他", false));
    assertEquals(Optional.empty(), t.starFor("不存在", false));
    assertTrue(t.stars().containsAll(List.of("支部过硬星", "共建共享星", "平安法治星", "幸福和谐星", "宜业兴业星",
        "产业兴旺星", "生态宜居星", "文明幸福星")));
  }

  @Test
  void villageOrCommunityFromTheLocation() {
    assertTrue(t.isVillage("李庄村"));
    assertTrue(t.isVillage("王家营3组"));
    assertTrue(t.isVillage("张湾村二组东头"));
    assertFalse(t.isVillage("工人新村5号楼"), "新村 is an urban estate");
    assertFalse(t.isVillage("城中村改造后的幸福社区"), "社区 decides");
    assertFalse(t.isVillage("幸福小区3号楼"));
    assertFalse(t.isVillage(null), "default area: community");
    assertFalse(t.isVillage("人民路"));
  }

  @Test
  void overrideFileInTheDataFolder() throws Exception {
    Files.createDirectories(dir.resolve("cases"));
    Files.writeString(dir.resolve("cases/taxonomy.txt"),
        "default-area = village\n# 自定义\n水电气暖 | 共建共享星 | 生态宜居星 | 停水停电\n其他 | - | - |\n");
    Taxonomy custom = Taxonomy.forDataDir(dir);
    assertEquals(List.of("水电气暖", "其他"), custom.categories());
    assertTrue(custom.isVillage("人民路"), "default area: village");
    try (CaseService cases = new CaseService(TestDatabases.open(dir), custom, WorkCalendar.defaults(),
        new MutableClock(LocalDateTime.of(2026, 3, 2, 9, 0)))) {
      CaseRecord r = cases.create(CaseTestSupport.resident("a", "停水三天了", "人民路", "水电气暖", CaseKind.HELP));
      assertEquals("生态宜居星", r.star());
      assertTrue(r.village());
      CaseException e = assertThrows(CaseException.class,
          () -> cases.create(CaseTestSupport.resident("a", "吵架", "人民路", "矛盾纠纷", CaseKind.HELP)));
      assertEquals("未知的分类「矛盾纠纷」。可用的分类：水电气暖、其他。", e.getMessage());
    }
  }

  @Test
  void badTaxonomyFilesAreReported() {
    assertThrows(IllegalArgumentException.class, () -> Taxonomy.parse("只有名字\n", "t"));
    assertThrows(IllegalArgumentException.class, () -> Taxonomy.parse("a|b|c\na|b|c\n", "t"));
    assertThrows(IllegalArgumentException.class, () -> Taxonomy.parse("# nothing\n", "t"));
    assertThrows(IllegalArgumentException.class, () -> Taxonomy.parse("default-area = town\na|b|c\n", "t"));
  }

  @Test
  void recategorizingMovesTheStar() {
    try (CaseService cases = CaseTestSupport.open(dir, new MutableClock(CaseTestSupport.MONDAY_9AM))) {
      CaseRecord r = cases.create(CaseTestSupport.resident("a", "村里老人没人照看", "李庄村", "其他", CaseKind.HELP));
      assertEquals(null, r.star());
      CaseRecord moved = cases.update(r.id(), CaseUpdate.by("调度员").withCategory("养老助残"));
      assertEquals("养老助残", moved.category());
      assertEquals("文明幸福星", moved.star());
    }
  }
}
