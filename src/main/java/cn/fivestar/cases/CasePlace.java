package cn.fivestar.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place as residents write it, taken apart: the named areas (roads, streets, communities, estates, villages:
 * 幸福路, 锦艺东社区, 颍河路小区, 王庄村), the numbered parts (house/yard 12号院 or 12号, building 3号楼/5栋, unit
 * 2单元, village group 三组, and rooms or floors 501/三楼, which only say where the reporter lives) and a landmark
 * (东门垃圾站, 菜市场). Full-width digits, spaces and punctuation are normalised away and Chinese numerals before
 * a numbered part read as digits (三组 = 3组). Used to judge duplicates ({@link #sameAs}) and to show a case to
 * others without the house number ({@link #streetLevel}).
 */
public final class CasePlace {
  private static final String NUM = "(\\d{1,5}|[零〇一二两三四五六七八九十百]{1,4})";
  private static final Pattern NUMBERED = Pattern.compile(NUM + "(号院|号楼|号|栋|幢|座|单元|组|队|室|户|层|楼)");
  /** A named area ends in one of these (a community after an estate or road name is part of it). */
  private static final Pattern AREA = Pattern.compile(
      ".+?(?:大街|大道|路|街|巷|胡同|小区|社区|花园|花苑|家园|新村|新城|公寓|大厦|家属院|村|庄|屯|寨|镇|乡|苑|城)"
          + "(?:社区|小区|村)?");
  /** Words shaped like an area name that name no area (马路对面, 我们小区, 出村往南). */
  private static final Pattern GENERIC_AREA = Pattern.compile(
      "(?:马|公|小|大|老|新|这|那|本|该|我们|咱们|俺们|我家|附近|整个|出|进|回|全|俺|咱|邻|外)(?:路|街|巷|小区|社区|村|庄|城)");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  /** Words around a place that do not name anything: directions, "there", "at". */
  private static final Pattern FILLER = Pattern.compile("门口|跟前|附近|旁边|对面|周边|周围|一带|那边|这边|那里|这里|那儿|这儿|"
      + "边上|东边|西边|南边|北边|东侧|西侧|南侧|北侧|里面|外面|楼下|楼上|楼道|楼前|楼后|院内|院里|地址|地点|位置|位于|"
      + "小区|社区|村里|本村|我家|俺家|家里|我们|咱们|俺们|这块|那块");
  private static final String FILLER_CHARS = "那这个里边处口部的在就是前后上下内外旁";
  private static final Pattern CONNECTOR = Pattern.compile("^(?:就在|位于|在|与|和|跟|及|的|是|就)+");
  /** A landmark residents may see named: a public spot, not someone's home. */
  private static final Pattern PUBLIC_SPOT = Pattern.compile(
      "(?:站|场|园|馆|桥|所|厅|中心|市场|广场|公园|学校|医院|超市|厕所|公厕|路口|门|亭|池|塘|河|渠)$");
  private static final Pattern PRIVATE = Pattern.compile("家|户|室|\\d");

  private static final CasePlace NONE = new CasePlace(false, List.of(), null, null, null, null, "");

  private final boolean given;
  private final List<String> areas;
  private final String house;
  private final String building;
  private final String unit;
  private final String group;
  private final String landmark;

  private CasePlace(boolean given, List<String> areas, String house, String building, String unit, String group,
                    String landmark) {
    this.given = given;
    this.areas = areas;
    this.house = house;
    this.building = building;
    this.unit = unit;
    this.group = group;
    this.landmark = landmark;
  }

  /** Takes a written place apart; null or blank gives the empty place. */
  public static CasePlace parse(String location) {
    String s = normalize(location);
    if (s.isEmpty()) return NONE;
    String house = null;
    String building = null;
    String unit = null;
    String group = null;
    List<String> segments = new ArrayList<>();
    Matcher m = NUMBERED.matcher(s);
    int last = 0;
    while (m.find()) {
      segments.add(s.substring(last, m.start()));
      last = m.end();
      String n = number(m.group(1));
      switch (m.group(2)) {
        case "号院" -> house = first(house, n);
        case "号" -> {
          if (house == null && building == null) house = n;  // 幸福路12号; after a building it is a room
        }
        case "号楼", "栋", "幢", "座" -> building = first(building, n);
        case "单元" -> unit = first(unit, n);
        case "组", "队" -> group = first(group, n);
        default -> { }  // rooms and floors: where the reporter lives, not where the problem is
      }
    }
    segments.add(s.substring(last));
    List<String> areas = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    for (String segment : segments) {
      String seg = DIGITS.matcher(segment).replaceAll("");  // 501 after 2单元: a room
      Matcher a = AREA.matcher(seg);
      int end = 0;
      while (a.find()) {
        rest.append(seg, end, a.start());
        String name = CONNECTOR.matcher(a.group()).replaceFirst("");
        if (name.length() >= 2 && !GENERIC_AREA.matcher(name).matches() && !areas.contains(name)) areas.add(name);
        else rest.append(a.group());
        end = a.end();
      }
      rest.append(seg.substring(end)).append(' ');
    }
    return new CasePlace(true, List.copyOf(areas), house, building, unit, group, landmark(rest.toString()));
  }

  /** The longest piece left once areas and numbers are taken out, without filler words; "" when none. */
  private static String landmark(String rest) {
    String best = "";
    for (String part : FILLER.matcher(rest).replaceAll(" ").split(" ")) {
      String p = part;
      while (!p.isEmpty() && FILLER_CHARS.indexOf(p.charAt(0)) >= 0) p = p.substring(1);
      while (!p.isEmpty() && FILLER_CHARS.indexOf(p.charAt(p.length() - 1)) >= 0) p = p.substring(0, p.length() - 1);
      if (p.length() >= 2 && p.length() > best.length()) best = p;
    }
    return best;
  }

  /** No place given (null, blank or punctuation only). */
  public boolean isEmpty() {
    return !given;
  }

  /**
   * Too vague to tell one spot from another: only a street, community or village name (幸福路, 幸福社区, 李庄村),
   * with no number and no landmark.
   */
  public boolean isVague() {
    return !numbered() && landmark.isEmpty();
  }

  private boolean numbered() {
    return house != null || building != null || unit != null || group != null;
  }

  /**
   * The same spot: neither is vague, the areas agree where both name one (a shared name, or one written inside the
   * other: 颍河路小区 and 桐柏社区颍河路小区), no house number, building, unit or village group differs, and at
   * least one of them is shared (or, failing numbers, the landmarks are alike). 幸福路1号院 and 幸福路2号院 are not
   * the same; 3号楼 and 幸福社区3号楼 are.
   */
  public boolean sameAs(CasePlace o) {
    if (isEmpty() || o.isEmpty() || isVague() || o.isVague()) return false;
    if (!areasAgree(o)) return false;
    if (differ(house, o.house) || differ(building, o.building) || differ(unit, o.unit) || differ(group, o.group)) {
      return false;
    }
    boolean sharedNumber = same(house, o.house) || same(building, o.building) || same(unit, o.unit)
        || same(group, o.group);
    return sharedNumber || landmarksAlike(o);
  }

  private boolean areasAgree(CasePlace o) {
    if (areas.isEmpty() || o.areas.isEmpty()) return true;
    for (String a : areas) if (o.areas.contains(a)) return true;
    String mine = String.join("", areas);
    String theirs = String.join("", o.areas);
    return mine.contains(theirs) || theirs.contains(mine);
  }

  private boolean landmarksAlike(CasePlace o) {
    if (landmark.isEmpty() || o.landmark.isEmpty()) return false;
    if (landmark.contains(o.landmark) || o.landmark.contains(landmark)) return true;
    return Similarity.dice(Similarity.bigrams(landmark), Similarity.bigrams(o.landmark)) >= Similarity.PLACE;
  }

  private static boolean differ(String a, String b) {
    return a != null && b != null && !a.equals(b);
  }

  private static boolean same(String a, String b) {
    return a != null && a.equals(b);
  }

  /**
   * The place at street level, fit to show to someone who is not the reporter: the road, street, community,
   * estate or village names without house number, building, unit or room (幸福路 for 幸福路12号院3号楼2单元501,
   * 王庄村 for 王庄村三组); without any, a public landmark (东门垃圾站); otherwise null.
   */
  public String streetLevel() {
    if (!areas.isEmpty()) return String.join("", areas);
    if (!landmark.isEmpty() && PUBLIC_SPOT.matcher(landmark).find() && !PRIVATE.matcher(landmark).find()) {
      return landmark;
    }
    return null;
  }

  /** The named areas, in the order written. */
  public List<String> areas() {
    return areas;
  }

  /** The landmark, or "" when none is named. */
  public String landmark() {
    return landmark;
  }

  @Override
  public String toString() {
    return "CasePlace" + areas + "[house=" + house + ", building=" + building + ", unit=" + unit + ", group=" + group
        + ", landmark=" + landmark + "]";
  }

  // ---------------------------------------------------------------- normalisation

  /** NFKC (full-width digits and letters), lower case, letters and digits only. */
  static String normalize(String s) {
    if (s == null) return "";
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static String first(String current, String n) {
    return current != null ? current : n;
  }

  /** Digits or a Chinese numeral up to the hundreds (三, 十二, 二十三, 一百零五) as a plain number. */
  static String number(String n) {
    if (Character.isDigit(n.charAt(0))) return String.valueOf(Integer.parseInt(n));
    int total = 0;
    int cur = 0;
    for (char c : n.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '〇') d = 0;
      if (c == '两') d = 2;
      if (c == '十' || c == '百') {
        total += (cur == 0 ? 1 : cur) * (c == '十' ? 10 : 100);
        cur = 0;
      } else {
        cur = cur * 10 + d;
      }
    }
    return String.valueOf(total + cur);
  }
}
