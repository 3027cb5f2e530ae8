package cn.fivestar.answer;

import cn.fivestar.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about another province's or city's policy ("上海的垃圾分类标准是什么？") share topic words with the
 * documents but are not covered by them. A region name the knowledge base never mentions marks such a question.
 */
final class Regions {
  private static final Set<String> NAMES = load();
  private static final String RELATIVE_IN = "(?:孩子|儿子|闺女|女儿|老伴|家人|亲戚|他|她|爹|妈|娘|爸|哥|姐|弟|妹)们?[都也还]?在";

  private Regions() {}

  static boolean asksAboutOtherRegion(KnowledgeBase kb, String question) {
    for (String word : kb.unknownWords(question)) {
      String bare = word.replaceFirst("(省|市|自治区)$", "");
      if ((NAMES.contains(word) || NAMES.contains(bare)) && !whereSomeoneIs(question, word)
          && !whereFrom(question, word)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern CLAUSE = Pattern.compile("[^\\s，,。！!？?；;]+");

  /**
   * The question without the clauses telling where the person comes from ("俺是郸城县农村哩", "俺是柘城县一个村哩支书")
   * when the place is one the documents never name: it says who asks, not what, and would only lower the coverage
   * (a place they name stays: "俺是蜜蜂张街道哩" may be what is asked about).
   */
  static String withoutOrigin(KnowledgeBase kb, String question) {
    List<String> unknown = kb.unknownWords(question);
    if (unknown.isEmpty()) return question;
    StringBuilder kept = new StringBuilder();
    Matcher m = CLAUSE.matcher(question);
    boolean dropped = false;
    while (m.find()) {
      String clause = m.group();
      if (ORIGIN.matcher(clause).find() && unknown.stream().anyMatch(w -> Pattern.compile(
          Pattern.quote(w) + "\\p{IsHan}{0,3}?(?:省|市|县|区|镇|乡|村|庄)").matcher(clause).find())) {
        dropped = true;
        continue;
      }
      if (kept.length() > 0) kept.append(' ');
      kept.append(clause);
    }
    return !dropped || kept.length() == 0 ? question : kept.toString();
  }

  private static final Pattern ORIGIN = Pattern.compile("^(?:问一下|请问)?(?:俺|我)们?(?:是|从|老家)");

  /** "孩子在深圳", "老伴在上海住院": where a relative is, which tells the resident's story, not the region asked about. */
  private static boolean whereSomeoneIs(String question, String region) {
    return Pattern.compile(RELATIVE_IN + Pattern.quote(region)).matcher(question).find();
  }

  /** "俺是浙江瑞安来郑州做买卖哩", "我老家河北的": where the person comes from, not the region asked about. */
  private static boolean whereFrom(String question, String region) {
    String r = Pattern.quote(region);
    return Pattern.compile("(?:俺|我)们?(?:是|从|老家(?:是|在)?)\\p{IsHan}{0,3}" + r + "|" + r
        + "\\p{IsHan}{0,4}?(?:来|到)(?:郑州|河南|这)").matcher(question).find();
  }

  private static Set<String> load() {
    try (InputStream in = Regions.class.getResourceAsStream("/knowledge/regions.txt")) {
      Set<String> names = new HashSet<>();
      if (in == null) return names;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        for (String n : line.strip().split("\\s+")) names.add(n);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
