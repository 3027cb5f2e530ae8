package cn.fivestar.app;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Citation;
import cn.fivestar.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ask", description = "Answer questions with citations: one question per stdin line, one JSON line each.")
public final class AskCommand extends DataCommand implements Callable<Integer> {
  @Mixin SourceOptions sources;

  @Option(names = "--json", description = "JSON lines output (the only format).")
  boolean json;

  @Override
  public Integer call() {
    try (KnowledgeBase kb = sources.open(dataDir(), false)) {
      Answerer answerer = Answerers.create(kb, dataDir());
      StdinLines.forEach(q -> System.out.println(Json.line(toJson(answerer.answer(q, List.of())))));
    }
    return 0;
  }

  static Map<String, Object> toJson(Answer a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("question", a.question());
    m.put("answered", a.answered());
    m.put("tentative", a.tentative());
    m.put("answer", a.text());
    List<Map<String, String>> cites = new ArrayList<>();
    for (Citation c : a.citations()) {
      Map<String, String> cm = new LinkedHashMap<>();
      cm.put("source", c.source());
      cm.put("title", c.title());
      cm.put("text", c.text());
      cites.add(cm);
    }
    m.put("citations", cites);
    return m;
  }
}
