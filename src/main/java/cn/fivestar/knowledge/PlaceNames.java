package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question names a particular street, community or village (花园路街道, 樱桃沟社区, 蜜蜂张街道) rather
 * than speaking of such places in general (哪些社区, 其他社区, 城市社区, 五星社区, 美丽乡村, 新农村); 新 may open a
 * name (新圃西街社区).
 */
public final class PlaceNames {
  /** Characters that make "…社区/村" generic, a question or a phrase rather than a name. */
  private static final String NOT_IN_NAMES =
      "的和在与及对把被了是为将从到以由向给让各每本我咱你他她这那个哪些其所有全五星乡农市美丽老旧小大该";
  private static final String NAME = "[\\p{IsHan}&&[^" + NOT_IN_NAMES + "]]";
  private static final Pattern ANYWHERE =
      Pattern.compile(NAME + "{2,6}(街道|社区|村)(?![委党居干网治级服民两里])");
  /** "街道怎么指导社区…" opens with the generic word and a question, not a name. */
  private static final Pattern FIRST =
      Pattern.compile("^(?!街道|社区|村|镇)[\\p{IsHan}&&[^" + NOT_IN_NAMES + "怎如咋]]{2,8}?(街道|社区|村|镇)");

  private PlaceNames() {}

  /** The text names a particular place somewhere. */
  public static boolean named(String text) {
    return ANYWHERE.matcher(text).find();
  }

  /** The particular places the text names, in order ("冯春社区" in "…，冯春社区是怎么分头推进的"). */
  public static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = ANYWHERE.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** The text starts with a particular place ("樱桃沟社区怎么分工创星": about that place, not how to do it). */
  public static boolean namedFirst(String text) {
    return FIRST.matcher(text).find();
  }
}
