package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.KnowledgeSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The repeatable {@code --source DIR} option shared by index, search, ask and eval. */
public final class SourceOptions {
  @Option(names = "--source", paramLabel = "DIR", description = "Folder of .txt/.md/.docx/.pdf documents (repeatable). Default: index/")
  List<Path> sources = new ArrayList<>();

  public List<Path> folders() {
    List<Path> folders = KnowledgeSources.resolve(sources);
    for (Path f : folders) {
      if (!Files.isDirectory(f)) throw UserException.usage("source folder not found: " + f);
    }
    return folders;
  }

  /** Opens (building if needed) the knowledge base of these folders, reporting progress on stderr. */
  public KnowledgeBase open(Path dataDir, boolean force) {
    return KnowledgeBase.open(dataDir, folders(), force, System.err::println);
  }
}
