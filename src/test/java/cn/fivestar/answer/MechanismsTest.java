package cn.fivestar.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MechanismsTest {
  @Test
  void quotedNamesAreMechanismsButTheCampaignsAndStarsNamesAreNot() {
    assertEquals(List.of("梨园之家"), Mechanisms.in("以党群服务中心“梨园之家”为切入点，争创“幸福和谐星”，推进“五星”支部创建。"));
  }

  @Test
  void numberedSchemesAreMechanismsWithoutQuotes() {
    assertTrue(Mechanisms.in("线下创新推出一图一表一清单，发到所有基层党组织。").contains("一图一表一清单"));
    assertTrue(Mechanisms.in("坚持一颗星一个专班的工作方法。").contains("一颗星一个专班"));
    assertTrue(Mechanisms.in("实行每日一报告、每月一观摩，营造比学赶超氛围。").contains("每日一报告、每月一观摩"));
    assertTrue(Mechanisms.in("街道坚持周督导、月点评，健全考评管理。").contains("周督导、月点评"));
    assertTrue(Mechanisms.in("探索1+3+N居民自治管理模式。").contains("1+3+N"));
    assertTrue(Mechanisms.in("楼院做到三净三有。").contains("三净三有"));
  }

  @Test
  void ordinaryWordingIsNoMechanism() {
    for (String s : List.of(
        "五颗星逐一发力，创建工作一项一项推进。",
        "结合自身实际完善年度、月度创建计划。",
        "社区一点一滴做好服务，一心一意为群众办事。",
        "二七区把重点任务落实情况纳入书记述职评议。")) {
      assertFalse(Mechanisms.named(s), s + " → " + Mechanisms.in(s));
    }
  }
}
