package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.SearchFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", description = "Search the knowledge base: one query per stdin line, one JSON line each.")
public final class SearchCommand extends DataCommand implements Callable<Integer> {
  @Mixin SourceOptions sources;

  @Option(names = "--json", description = "JSON lines output (the only format).")
  boolean json;

  @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Hits per query (1-100, default 5).")
  int top;

  @Option(names = "--star", paramLabel = "STAR", description = "Only documents about this star (front matter star:).")
  String star;

  @Option(names = "--kind", paramLabel = "KIND", description = "Only documents of this kind: criteria, story or overview.")
  String kind;

  @Override
  public Integer call() {
    if (top < 1 || top > 100) throw UserException.usage("--top must be between 1 and 100");
    if (kind != null && !java.util.Set.of("criteria", "story", "overview").contains(kind)) {
      throw UserException.usage("--kind must be criteria, story or overview");
    }
    SearchFilter filter = new SearchFilter(star, kind);
    try (KnowledgeBase kb = sources.open(dataDir(), false)) {
      StdinLines.forEach(q -> System.out.println(Json.line(result(q, kb.search(q, top, filter)))));
    }
    return 0;
  }

  static Map<String, Object> result(String query, List<Hit> hits) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Hit h : hits) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", h.source());
      m.put("title", h.title());
      m.put("heading", h.passage().heading());
      m.put("text", h.text());
      m.put("score", Math.round(h.score() * 1000) / 1000.0);
      m.put("coverage", Math.round(h.coverage() * 1000) / 1000.0);
      list.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", query);
    out.put("hits", list);
    return out;
  }
}
