package cn.fivestar.app;

import cn.fivestar.knowledge.KnowledgeBase;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "index", description = "(Re)build the knowledge index from index/ or the given folders.")
public final class IndexCommand extends DataCommand implements Callable<Integer> {
  @Mixin SourceOptions sources;

  @Override
  public Integer call() {
    try (KnowledgeBase kb = sources.open(dataDir(), true)) {
      KnowledgeBase.BuildSummary s = kb.summary();
      double mb = s.bytes() / 1024.0 / 1024.0;
      System.out.printf(Locale.ROOT, "indexed %d files into %d passages (%.2f MB in %d ms)%s%n",
          s.files() - s.problems().size(), s.passages(), mb, s.millis(),
          s.problems().isEmpty() ? "" : "; skipped " + s.problems().size() + " file(s), see warnings above");
      return 0;
    }
  }
}
