package cn.fivestar.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Case categories and the star each affects, for communities and for villages. Loaded from a small text file
 * (default: classpath cases/taxonomy.txt = the table in DESIGN.md; override: DATA/cases/taxonomy.txt).
 */
public final class Taxonomy {
  public static final String OTHER = "其他";
  private static final Pattern VILLAGE = Pattern.compile("(?<!新)村|[\\d一二三四五六七八九十]+组");
  private static final Pattern COMMUNITY = Pattern.compile("社区|小区|街道|居委|花园|公寓|大厦|家属院");

  /** One row: community/village star are null for "-". */
  public record Category(String name, String communityStar, String villageStar, String description) {}

  private final Map<String, Category> categories;
  private final boolean villageByDefault;

  Taxonomy(List<Category> rows, boolean villageByDefault) {
    if (rows.isEmpty()) throw new IllegalArgumentException("taxonomy has no categories");
    Map<String, Category> map = new LinkedHashMap<>();
    for (Category c : rows) {
      if (map.put(c.name(), c) != null) throw new IllegalArgumentException("duplicate category " + c.name());
    }
    this.categories = map;
    this.villageByDefault = villageByDefault;
  }

  /** The default taxonomy from the classpath. */
  public static Taxonomy defaults() {
    return CaseFiles.defaults("taxonomy.txt", Taxonomy::parse);
  }

  /** DATA/cases/taxonomy.txt when present, else the default. */
  public static Taxonomy forDataDir(Path dataDir) {
    return CaseFiles.forDataDir(dataDir, "taxonomy.txt", Taxonomy::parse);
  }

  /** Parses the file format described in cases/taxonomy.txt; errors name the line. */
  public static Taxonomy parse(String content, String source) {
    List<Category> rows = new ArrayList<>();
    boolean village = false;
    int n = 0;
    for (String raw : content.split("\\R")) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("default-area")) {
        String v = line.substring(line.indexOf('=') + 1).strip();
        if (!v.equals("community") && !v.equals("village")) {
          throw new IllegalArgumentException(source + " line " + n + ": default-area must be community or village");
        }
        village = v.equals("village");
        continue;
      }
      String[] f = line.split("\\|", -1);
      if (f.length < 3 || f[0].isBlank()) {
        throw new IllegalArgumentException(source + " line " + n + ": expected 'category | community star | village star'");
      }
      rows.add(new Category(f[0].strip(), star(f[1]), star(f[2]), f.length > 3 ? f[3].strip() : ""));
    }
    try {
      return new Taxonomy(rows, village);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static String star(String s) {
    String v = s.strip();
    return v.isEmpty() || v.equals("-") || v.equals("—") ? null : v;
  }

  public List<String> categories() {
    return List.copyOf(categories.keySet());
  }

  public List<Category> rows() {
    return List.copyOf(categories.values());
  }

  /** The star a category affects, for a village or a community; empty for 其他 and unknown categories. */
  public Optional<String> starFor(String category, boolean isVillage) {
    Category c = categories.get(category);
    if (c == null) return Optional.empty();
    return Optional.ofNullable(isVillage ? c.villageStar() : c.communityStar());
  }

  /** Every star some category affects (community ones first). */
  public List<String> stars() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    categories.values().forEach(c -> {
      if (c.communityStar() != null) s.add(c.communityStar());
    });
    categories.values().forEach(c -> {
      if (c.villageStar() != null) s.add(c.villageStar());
    });
    return List.copyOf(s);
  }

  public boolean contains(String category) {
    return categories.containsKey(category);
  }

  /** The fallback category for requests that fit nowhere. */
  public String other() {
    return categories.containsKey(OTHER) ? OTHER : categories.keySet().iterator().next();
  }

  /** The canonical category for input (blank → 其他); unknown input is refused with the list of categories. */
  public String canonical(String input) {
    if (input == null || input.isBlank()) return other();
    String s = input.strip();
    if (categories.containsKey(s)) return s;
    throw CaseException.invalid("未知的分类「" + s + "」。可用的分类：" + String.join("、", categories.keySet()) + "。");
  }

  /** Whether a location is in a village: 村/组 say village, 社区/小区 say community, else the configured default. */
  public boolean isVillage(String location) {
    if (location == null || location.isBlank()) return villageByDefault;
    if (COMMUNITY.matcher(location).find()) return false;
    if (VILLAGE.matcher(location).find()) return true;
    return villageByDefault;
  }
}
