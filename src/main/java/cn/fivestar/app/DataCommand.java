package cn.fivestar.app;

import java.nio.file.Path;

/**
 * Base of every subcommand: gives it the global options without a reference back to {@link Main}
 * ({@link Main#execute} injects them through the picocli factory).
 */
public abstract class DataCommand {
  GlobalOptions global = new GlobalOptions();

  /** The data folder chosen on the command line or by FIVESTAR_DATA. */
  protected Path dataDir() {
    return global.dataDir();
  }

  /** The case store, wired like the bot's: residents hear about replies, closings and merges made here. */
  protected cn.fivestar.cases.CaseService openCaseTools() {
    return Services.caseTools(dataDir());
  }
}
