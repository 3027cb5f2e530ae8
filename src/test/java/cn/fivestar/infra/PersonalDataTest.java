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
  void idCardsAloneAreMaskedWhenAReportKeepsItsPhone() {
    assertEquals("他身份证号410105********4417 我电话13592617043",
        PersonalData.maskIdCards("他身份证号410105199203154417 我电话13592617043"));
    assertEquals("没有号码", PersonalData.maskIdCards("没有号码"));
  }

  @Test
  void otherPeoplesPhonesAreMaskedButTheContactsKept() {
    assertEquals("张姐 138****2256 停电了 我电话15517863092",
        PersonalData.maskPhonesExcept("张姐 13803712256 停电了 我电话15517863092", "15517863092"));
    assertEquals("张姐 138****2256", PersonalData.maskPhonesExcept("张姐 13803712256", null));
  }

  @Test
  void masksIdWithTrailingX() {
    assertFalse(PersonalData.mask("41010219900101123X").contains("19900101"));
  }

  /** The formats an attacker found unmasked on the dashboard, in CSV, logs and staff notices (issue 13). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"+8613812345671", "138-1234-5672", "138 1234 5673",
      "１３８１２３４５６７４", "138.1234.5676", "008613812345677", "+86 138 1234 5678", "电话：138－1234－5679"})
  void masksPhonesHoweverTyped(String typed) {
    String masked = PersonalData.mask("联系我 " + typed + " 谢谢");
    String digits = masked.replaceAll("\\D", "");
    assertFalse(digits.contains("1234"), masked);
    org.junit.jupiter.api.Assertions.assertTrue(masked.contains("****"), masked);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"410102 19900101 1235", "410102-1990-0101-1236",
      "４１０１０２１９９００１０１１２３７", "41010219900101123x"})
  void masksIdNumbersHoweverTyped(String typed) {
    String masked = PersonalData.mask("身份证" + typed);
    assertFalse(masked.replaceAll("\\D", "").contains("19900101"), masked);
  }

  @Test
  void keepsTrackingNumbersDatesAndAddresses() {
    for (String s : new String[] {"编号 20261127-0001", "幸福路12号院3号楼2单元501", "2026-11-27 09:30", "共1438路监控"}) {
      assertEquals(s, PersonalData.mask(s));
    }
  }
}
