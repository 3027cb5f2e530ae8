package cn.fivestar.answer.llm;

import cn.fivestar.knowledge.Hit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM prompt templates: {@code system.txt} (role and rules; must contain {@code {{refusal_marker}}}),
 * {@code answer.txt} (the user message; must contain {@code {{question}}} and {@code {{passages}}}) and
 * {@code refusal.txt} (the polite text shown when the knowledge base does not cover a question).
 *
 * <p>{@link #load()} reads them from {@code ./prompts}, else from a {@code prompts/} folder beside the jar (up to
 * two levels up, like {@code index/}), so operators can edit them without rebuilding; any file missing there comes
 * from the copy bundled in the jar.
 */
public record Prompts(String system, String answer, String refusal) {
  /** What the model must reply, alone, when the passages do not answer the question. */
  public static final String REFUSAL_MARKER = "NO_ANSWER";
  /** Delimiters of the data section in the user message; stripped from anything placed inside it. */
  public static final String DATA_BEGIN = "<<<资料开始>>>";
  public static final String DATA_END = "<<<资料结束>>>";

  static final String FOLDER = "prompts";
  static final List<String> FILES = List.of("system.txt", "answer.txt", "refusal.txt");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(question|passages|refusal_marker)}}");
  // Runs of angle brackets could forge a delimiter, so they never reach the data section.
  private static final Pattern DELIMITER_LIKE = Pattern.compile("<{3,}|>{3,}");

  public Prompts {
    require(system, "system.txt", "{{refusal_marker}}");
    require(answer, "answer.txt", "{{question}}");
    require(answer, "answer.txt", "{{passages}}");
    if (refusal == null || refusal.isBlank()) throw new IllegalArgumentException("prompt refusal.txt is empty");
  }

  /** Templates from ./prompts, else beside the jar, else the bundled copies (per file). */
  public static Prompts load() {
    return load(folder().orElse(null));
  }

  /** Templates from the given folder (null: none), any missing file taken from the bundled copies. */
  public static Prompts load(Path folder) {
    List<String> texts = new ArrayList<>();
    for (String name : FILES) {
      Path file = folder == null ? null : folder.resolve(name);
      texts.add(file != null && Files.isRegularFile(file) ? read(file) : bundled(name));
    }
    return new Prompts(texts.get(0), texts.get(1), texts.get(2));
  }

  /** The copies bundled in the jar. */
  public static Prompts bundled() {
    return load(null);
  }

  public String systemMessage() {
    return fill(system, Map.of("refusal_marker", REFUSAL_MARKER));
  }

  /** The user message: the question and the numbered passages, the passages fenced as a data section. */
  public String userMessage(String question, List<Hit> passages) {
    String data = DATA_BEGIN + "\n" + renderPassages(passages) + "\n" + DATA_END;
    return fill(answer, Map.of("question", clean(question).strip(), "passages", data, "refusal_marker", REFUSAL_MARKER));
  }

  /** Passages numbered from 1 in the given order: {@code [n] 标题 / 小节} then the text. */
  static String renderPassages(List<Hit> passages) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < passages.size(); i++) {
      var p = passages.get(i).passage();
      if (i > 0) sb.append("\n\n");
      sb.append('[').append(i + 1).append("] ").append(clean(p.title()).strip());
      String heading = clean(p.heading()).strip();
      if (!heading.isEmpty() && !heading.equals(p.title())) sb.append(" / ").append(heading);
      sb.append('\n').append(clean(p.text()).strip());
    }
    return sb.toString();
  }

  private static String clean(String text) {
    return text == null ? "" : DELIMITER_LIKE.matcher(text).replaceAll("");
  }

  /** Single pass, so a value that happens to contain "{{passages}}" is never expanded. */
  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    return m.replaceAll(r -> Matcher.quoteReplacement(values.getOrDefault(r.group(1), r.group())));
  }

  private static void require(String template, String file, String placeholder) {
    if (template == null || !template.contains(placeholder)) {
      throw new IllegalArgumentException("prompt " + file + " must contain " + placeholder);
    }
  }

  static Optional<Path> folder() {
    Path cwd = Path.of(FOLDER);
    if (Files.isDirectory(cwd)) return Optional.of(cwd);
    try {
      Path jar = Path.of(Prompts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // The jar sits in target/ (development) or beside prompts/ (installed, e.g. /app in the Docker image).
      Path dir = jar.getParent();
      for (int up = 0; dir != null && up < 2; up++, dir = dir.getParent()) {
        Path candidate = dir.resolve(FOLDER);
        if (Files.isDirectory(candidate)) return Optional.of(candidate);
      }
    } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException ignored) {
      // No usable code location: the bundled copies serve.
    }
    return Optional.empty();
  }

  private static String read(Path file) {
    try {
      return normalize(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompt " + file + ": " + e.getMessage(), e);
    }
  }

  private static String bundled(String name) {
    try (InputStream in = Prompts.class.getResourceAsStream("/" + FOLDER + "/" + name)) {
      if (in == null) throw new IllegalStateException("bundled prompt missing: " + FOLDER + "/" + name);
      return normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled prompt " + name, e);
    }
  }

  private static String normalize(String text) {
    return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n").strip();
  }
}
