package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.conversation.intent.*;
import cn.fivestar.infra.UserException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classify --json}: one message per stdin line → one JSON line per input line, in order, so outputs can
 * be zipped with inputs. An empty line is answered too: {@code {"text":"","intent":"chitchat"}}.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classify messages (one per stdin line) into intent report|question|status|chitchat and, "
        + "for reports, a case category. Empty lines give {\"text\":\"\",\"intent\":\"chitchat\"}.")
public final class ClassifyCommand implements Callable<Integer> {
  @Option(names = "--json", description = "JSON lines output (the only format; accepted for the contract)")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    IntentClassifier classifier = IntentClassifier.load();
    ObjectMapper mapper = new ObjectMapper();
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String text = line.strip();
        Classification c = classifier.classify(text);
        ObjectNode row = mapper.createObjectNode();
        row.put("text", text);
        row.put("intent", c.intent().code());
        if (c.category() != null) row.put("category", c.category());
        out.println(mapper.writeValueAsString(row));
      }
    } catch (IOException e) {
      throw new UserException("cannot read stdin: " + e.getMessage());
    }
    out.flush();
    return 0;
  }
}
