package cn.fivestar.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The thing a reported problem is about (路灯, 楼道灯, 电梯, 下水道, 垃圾 …), from a small table of the objects
 * residents report and the words they use for them. Two reports can only be the same problem when they are about
 * the same object. Objects of one family are told apart (a street light is not a stairwell light), but a family's
 * general word matches each of them (灯坏了 may be either).
 */
final class KeyObjects {
  /**
   * key: the object; family: objects that share a general word; general: this is the family's general word;
   * words: the words that name it (literal, | between them); pattern: for an object named by a pattern instead.
   */
  record KeyObject(String key, String family, boolean general, List<String> words, Pattern pattern) {
    boolean namedIn(String text) {
      for (String w : words) if (text.contains(w)) return true;
      return pattern != null && pattern.matcher(text).find();
    }
  }

  private static final List<KeyObject> TABLE = List.of(
      specific("路灯", "灯", "路灯|街灯|灯杆|庭院灯|景观灯"),
      new KeyObject("楼道灯", "灯", false, List.of("声控灯", "感应灯"),
          Pattern.compile("(?:楼道|楼梯|走廊|过道|单元)[^，。,.!！?？;；\\s]{0,4}灯")),
      new KeyObject("灯", "灯", true, List.of(), Pattern.compile("灯(?!笼)")),
      specific("电梯", "电梯", "电梯|直梯|扶梯|轿厢"),
      specific("井盖", "井盖", "井盖"),
      specific("下水道", "水", "下水|排水|污水|化粪池|窨井|阴沟|地漏|返水|反水|马桶"),
      specific("供水", "水", "水管|自来水|停水|水压|水表|漏水|渗水|爆管|水龙头|没水"),
      specific("积水", "积水", "积水|内涝|淹了|水坑"),
      specific("垃圾", "垃圾", "垃圾|清运|废品"),
      specific("杂物", "杂物", "杂物|堆放|堆满|堆了|纸箱|旧家具|消防通道|安全通道|生命通道"),
      specific("充电", "充电", "充电|飞线|电瓶"),
      specific("停车", "停车", "停车|车位|乱停|挡道|堵门|僵尸车"),
      specific("噪音", "噪音", "噪音|噪声|太吵|吵得|吵死|扰民|广场舞|喇叭"),
      specific("供电", "电", "停电|没电|断电|电线|电路|电表|跳闸|电箱"),
      specific("燃气", "燃气", "燃气|煤气|天然气|液化气"),
      specific("暖气", "暖气", "暖气|供暖|集中供热"),
      specific("绿化", "绿化", "树枝|树木|大树|草坪|绿化|修剪|枯树|倒树|树倒"),
      specific("路面", "路面", "路面|坑洼|大坑|台阶|塌陷|地砖|路坏"),
      specific("健身器材", "健身器材", "健身器材|单杠|双杠|秋千|滑梯|健身器"),
      specific("车棚", "车棚", "车棚"),
      specific("门禁", "门禁", "门禁|单元门|防盗门|铁门|大门|道闸"),
      specific("摊贩", "摊贩", "摆摊|摊贩|小贩|卖菜|占道经营|流动摊"),
      specific("宠物", "宠物", "狗|犬|宠物|猫"),
      specific("违建", "违建", "违建|违章|私搭|乱建|乱搭"),
      specific("屋顶", "屋顶", "屋顶|房顶|楼顶|漏雨|顶楼"),
      specific("油烟", "油烟", "油烟|烧烤"),
      specific("虫鼠", "虫鼠", "老鼠|蟑螂|蚊子|苍蝇|虫子"),
      specific("外墙", "外墙", "外墙|墙皮|墙面"),
      specific("高空抛物", "高空抛物", "高空抛物|往下扔|扔东西"));

  private KeyObjects() {}

  private static KeyObject specific(String key, String family, String words) {
    return new KeyObject(key, family, false, List.of(words.split("\\|")), null);
  }

  /**
   * The objects a text is about, without the words of its place and landmark (a 垃圾站 named as the place says
   * nothing about the problem). A family's general word counts only when no specific object of the family is named.
   */
  static List<KeyObject> of(String text, String place, String landmark) {
    if (text == null) return List.of();
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (place != null && !place.isBlank()) {
      String p = Normalizer.normalize(place, Normalizer.Form.NFKC).strip();
      if (!p.isEmpty()) t = t.replace(p, " ");
    }
    if (landmark != null && !landmark.isEmpty()) t = t.replace(landmark, " ");
    List<KeyObject> out = new ArrayList<>();
    for (KeyObject o : TABLE) {
      if (o.general() && out.stream().anyMatch(x -> x.family().equals(o.family()))) continue;
      if (o.namedIn(t)) out.add(o);
    }
    return out;
  }

  /** Whether two lists of objects name a common object (a general word matches every object of its family). */
  static boolean shareOne(List<KeyObject> a, List<KeyObject> b) {
    for (KeyObject x : a) {
      for (KeyObject y : b) {
        if (x.key().equals(y.key())) return true;
        if (x.family().equals(y.family()) && (x.general() || y.general())) return true;
      }
    }
    return false;
  }
}
