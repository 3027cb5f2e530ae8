package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlotsTest {
  @Test
  void placesThatStaffCouldFind() {
    assertEquals("幸福路12号院3号楼", Slots.location("幸福路12号院3号楼"));
    assertEquals("3号楼", Slots.location("我们小区3号楼下水道堵了"));
    assertEquals("建设东路阳光花苑5栋2单元301室", Slots.location("我住在建设东路阳光花苑5栋2单元301室，家里漏水"));
    assertEquals("王庄村三组", Slots.location("王庄村三组的机井坏了"));
    assertEquals("锦绣城社区", Slots.location("锦绣城社区门口垃圾成堆"));
    assertEquals("幸福路", Slots.location("幸福路上有个井盖没了"));
    assertEquals("建设路88号", Slots.location("建设路88号门口有个大坑"));
    assertEquals("樱桃沟村委会门口", Slots.location("樱桃沟村委会门口那根路灯杆歪了 晚上也不亮"));
  }

  @Test
  void theResidentsHomeIsThePlaceOnlyWhenNoOtherIsNamed() {
    assertEquals("樱桃沟村村委会门口",
        Slots.location("樱桃沟村村委会门口的路灯杆被车撞歪了 俺家就在旁边 樱桃沟村18号"));
    assertEquals("建设东路阳光花苑5栋2单元301室", Slots.location("家里漏水了 我住在建设东路阳光花苑5栋2单元301室"));
  }

  @Test
  void wordsThatOnlyLookLikePlaces() {
    assertNull(Slots.location("楼下路灯坏了好几天了"));
    assertNull(Slots.location("村口的路被大车压坏了"));
    assertNull(Slots.location("老旧小区的燃气管道锈得厉害"));
    assertNull(Slots.location("建议社区多组织义诊活动"));
    assertNull(Slots.location("我想举报村干部优亲厚友"));
    assertNull(Slots.location("小区里的监控坏了好几个"));
    assertNull(Slots.location("电梯又坏了，我们住18楼"));
  }

  @Test
  void phonesAndContentFreeReports() {
    assertEquals("13812345678", Slots.phone("我的电话13812345678，白天都在"));
    assertEquals("0371-66881234", Slots.phone("座机0371-66881234"));
    assertNull(Slots.phone("编号20260105-0001"));
    assertTrue(Slots.contentFree("我要投诉"));
    assertTrue(Slots.contentFree("你好，我想反映个问题。"));
    assertTrue(Slots.contentFree("报修"));
    assertFalse(Slots.contentFree("我要投诉物业乱收费"));
  }

  @Test
  void kindsSetTheDeadline() {
    assertEquals("complaint", Slots.kind("我要投诉物业乱收费"));
    assertEquals("report", Slots.kind("举报村干部吃拿卡要"));
    assertEquals("suggestion", Slots.kind("建议小区多装几个长凳"));
    assertEquals("help", Slots.kind("楼道灯坏了"));
  }
}
