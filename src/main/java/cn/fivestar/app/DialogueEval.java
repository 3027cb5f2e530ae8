package cn.fivestar.app;

import cn.fivestar.answer.Answerer;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.channels.console.JsonChat;
import cn.fivestar.infra.UserException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code eval --dialogues FILE}: plays multi-turn dialogues (the format of ../shared/eval/dev-dialogues.jsonl) through
 * the {@code chat --json} channel, each on a fresh store, and checks every turn's expectations and the stored cases.
 * Prints turn and dialogue pass rates per tag and the failing turns.
 */
final class DialogueEval {
  /** Pass/fail counts of one tag (or of all). */
  static final class Tally {
    int turns;
    int turnsPassed;
    int dialogues;
    int dialoguesPassed;
  }

  /** What one dialogue gave: failures (empty when it passed) and how many turns were checked and passed. */
  record Outcome(String id, List<String> tags, int turns, int turnsPassed, List<String> failures) {
    boolean passed() {
      return failures.isEmpty();
    }
  }

  private final Answerer answerer;

  DialogueEval(Answerer answerer) {
    this.answerer = answerer;
  }

  static List<JsonNode> read(Path file) {
    List<JsonNode> out = new ArrayList<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) continue;
        try {
          out.add(Json.MAPPER.readTree(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new UserException(file + " line " + n + ": not a JSON dialogue: " + e.getOriginalMessage());
        }
      }
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
    return out;
  }

  /** Runs every dialogue and prints the report; returns the outcomes (tests check them). */
  List<Outcome> run(List<JsonNode> dialogues, PrintStream out) {
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode d : dialogues) outcomes.add(play(d));
    report(outcomes, out);
    return outcomes;
  }

  /** Plays one dialogue on a fresh data folder. */
  Outcome play(JsonNode dialogue) {
    String id = dialogue.path("id").asText("?");
    List<String> tags = new ArrayList<>();
    dialogue.path("tags").forEach(t -> tags.add(t.asText()));
    Path dir;
    try {
      dir = Files.createTempDirectory("fivestar-dialogue-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> failures = new ArrayList<>();
    List<String> registered = new ArrayList<>();
    int checked = 0;
    int passed = 0;
    try (Services services = new Services(dir, answerer)) {
      JsonChat chat = new JsonChat(services.engine(), services.backlog(), services.roles()::roleOf);
      services.notifiers().attach("console", chat);
      int index = 0;
      for (JsonNode turn : dialogue.path("turns")) {
        index++;
        ObjectNode in = Json.MAPPER.createObjectNode();
        in.put("user", turn.path("user").asText());
        if (turn.has("role")) in.put("role", turn.get("role").asText());
        if (turn.has("button")) in.put("button", fill(turn.get("button").asText(), registered));
        else in.put("text", fill(turn.path("text").asText(), registered));
        ObjectNode reply = chat.send(in.toString());
        String caseId = reply.path("case").isNull() ? null : reply.path("case").asText(null);
        if (caseId != null) registered.add(caseId);
        JsonNode expect = turn.get("expect");
        if (expect == null || expect.isEmpty()) continue;
        checked++;
        String why = check(expect, reply, caseId, registered);
        if (why == null) {
          passed++;
        } else {
          failures.add(String.format(Locale.ROOT, "%s turn %d %s「%s」: %s | reply: %s", id, index,
              turn.path("user").asText(), clip(in.path("text").asText(in.path("button").asText()), 40), why,
              clip(joinedReplies(reply).replace('\n', ' '), 120)));
        }
      }
      List<CaseRecord> stored = services.cases().list(CaseFilter.all());
      String finalWhy = checkFinal(dialogue.path("final"), stored);
      if (finalWhy != null) failures.add(id + " final: " + finalWhy);
    } finally {
      deleteQuietly(dir);
    }
    return new Outcome(id, tags, checked, passed, failures);
  }

  private static String check(JsonNode expect, JsonNode reply, String caseId, List<String> registered) {
    String handled = reply.path("handled_as").asText(null);
    JsonNode want = expect.get("handled_as");
    if (want != null) {
      List<String> ok = new ArrayList<>();
      if (want.isArray()) want.forEach(w -> ok.add(w.asText()));
      else ok.add(want.asText());
      if (!ok.contains(handled)) return "handled_as " + handled + ", expected " + ok;
    }
    String text = squeeze(joinedReplies(reply));
    JsonNode any = expect.get("reply_has_any");
    if (any != null && any.size() > 0) {
      boolean found = false;
      for (JsonNode p : any) found |= text.contains(squeeze(fill(p.asText(), registered)));
      if (!found) return "reply lacks all of " + any;
    }
    JsonNode none = expect.get("reply_has_none");
    if (none != null) {
      for (JsonNode p : none) {
        if (text.contains(squeeze(fill(p.asText(), registered)))) return "reply has \"" + p.asText() + "\"";
      }
    }
    JsonNode created = expect.get("case_created");
    if (created != null && created.asBoolean() != (caseId != null)) {
      return created.asBoolean() ? "no case registered" : "a case was registered (" + caseId + ")";
    }
    return null;
  }

  private static String checkFinal(JsonNode fin, List<CaseRecord> stored) {
    if (fin.isMissingNode()) return null;
    if (fin.has("case_count") && fin.get("case_count").asInt() != stored.size()) {
      return "case_count " + stored.size() + ", expected " + fin.get("case_count").asInt();
    }
    for (JsonNode want : fin.path("cases")) {
      if (stored.stream().noneMatch(r -> matches(want, r))) {
        return "no stored case matches " + want + "; stored: "
            + stored.stream().map(r -> r.userId() + "/" + r.category() + "/" + r.location() + "/" + clip(r.text(), 20)).toList();
      }
    }
    return null;
  }

  private static boolean matches(JsonNode want, CaseRecord r) {
    if (want.has("reporter") && !want.get("reporter").asText().equals(r.userId())) return false;
    if (!hasAny(want.get("summary_has_any"), r.text())) return false;
    if (!hasAny(want.get("location_has_any"), r.location())) return false;
    JsonNode none = want.get("location_has_none");
    if (none != null && r.location() != null) {
      for (JsonNode p : none) if (squeeze(r.location()).contains(squeeze(p.asText()))) return false;
    }
    JsonNode cats = want.get("category_any");
    if (cats != null && cats.size() > 0) {
      boolean ok = false;
      for (JsonNode c : cats) ok |= c.asText().equals(r.category());
      return ok;
    }
    return true;
  }

  private static boolean hasAny(JsonNode phrases, String text) {
    if (phrases == null || phrases.size() == 0) return true;
    if (text == null) return false;
    String t = squeeze(text);
    for (JsonNode p : phrases) if (t.contains(squeeze(p.asText()))) return true;
    return false;
  }

  static void report(List<Outcome> outcomes, PrintStream out) {
    Map<String, Tally> byTag = new TreeMap<>();
    Tally all = new Tally();
    for (Outcome o : outcomes) {
      List<Tally> tallies = new ArrayList<>();
      tallies.add(all);
      for (String tag : o.tags()) tallies.add(byTag.computeIfAbsent(tag, k -> new Tally()));
      for (Tally t : tallies) {
        t.turns += o.turns();
        t.turnsPassed += o.turnsPassed();
        t.dialogues++;
        if (o.passed()) t.dialoguesPassed++;
      }
    }
    out.println("tag                 dialogues  passed  rate    turns  passed  rate");
    byTag.forEach((tag, t) -> line(out, tag, t));
    line(out, "all", all);
    List<String> failures = outcomes.stream().flatMap(o -> o.failures().stream()).toList();
    if (!failures.isEmpty()) {
      out.println();
      out.println("failures:");
      failures.forEach(out::println);
    }
  }

  private static void line(PrintStream out, String tag, Tally t) {
    out.printf(Locale.ROOT, "%-19s %-10d %-7d %.3f   %-6d %-7d %.3f%n", tag, t.dialogues, t.dialoguesPassed,
        t.dialogues == 0 ? 0.0 : (double) t.dialoguesPassed / t.dialogues, t.turns, t.turnsPassed,
        t.turns == 0 ? 1.0 : (double) t.turnsPassed / t.turns);
  }

  private static String fill(String text, List<String> registered) {
    String s = text;
    for (int i = 0; i < registered.size(); i++) s = s.replace("{{case" + (i + 1) + "}}", registered.get(i));
    return s;
  }

  private static String joinedReplies(JsonNode reply) {
    StringBuilder b = new StringBuilder();
    for (JsonNode r : reply.path("replies")) b.append(r.path("text").asText()).append('\n');
    return b.toString();
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  private static String clip(String s, int n) {
    if (s == null) return "";
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
