package cn.fivestar.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

  @Test
  void masksMobileIdCardAndLandline() {
    String masked = PersonalData.mask("电话13812345678，身份证410102199001011234，座机0371-66881234");
    assertEquals("电话138****5678，身份证410102********1234，座机0371-****1234", masked);
  }

  @Test
  void leavesOrdinaryNumbersAlone() {
    assertEquals("3号楼12单元，共10个网格", PersonalData.mask("3号楼12单元，共10个网格"));
    assertEquals("编号20261123-0001", PersonalData.mask("编号20261123-0001"));
  }

  @Test
  void masksIdWithTrailingX() {
    assertFalse(PersonalData.mask("41010219900101123X").contains("19900101"));
  }
}
