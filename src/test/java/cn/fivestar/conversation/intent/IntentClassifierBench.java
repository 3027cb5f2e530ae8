package cn.fivestar.conversation.intent;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test (surefire ignores *Bench): prints 5-fold cross-validated accuracy on the bundled examples, accuracy
 * on the separate held-out file, the start-up training time and the time to classify one message. Run with
 * {@code java -cp target/test-classes:target/classes:$(deps) cn.fivestar.conversation.intent.IntentClassifierBench [v]}
 */
public final class IntentClassifierBench {
  public static void main(String[] args) {
    List<Example> all = IntentClassifier.bundledExamples();
    Lexicon lexicon = IntentClassifier.bundledLexicon();
    int folds = 5, n = 0, intentRight = 0, reports = 0, categoryRight = 0;
    for (int fold = 0; fold < folds; fold++) {
      List<Example> train = new ArrayList<>();
      List<Example> test = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) (i % folds == fold ? test : train).add(all.get(i));
      IntentClassifier model = IntentClassifier.train(train, IntentClassifier.bundledOffTopic(), lexicon);
      for (Example e : test) {
        n++;
        Classification c = model.classify(e.text());
        if (c.intent() == e.intent()) intentRight++;
        else if (args.length > 0) System.out.println("  cv intent: " + e.text() + " -> " + c.intent().code() + " want " + e.intent().code());
        if (e.intent() == Intent.REPORT) {
          reports++;
          String cat = model.category(e.text());
          if (cat.equals(e.category())) categoryRight++;
          else if (args.length > 0) System.out.println("  cv category: " + e.text() + " -> " + cat + " want " + e.category());
        }
      }
    }
    System.out.printf("5-fold CV: intent %.3f (%d), category %.3f (%d)%n",
        intentRight / (double) n, n, categoryRight / (double) reports, reports);

    long t0 = System.nanoTime();
    IntentClassifier model = IntentClassifier.load();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    List<Example> heldout;
    try (InputStream in = IntentClassifierBench.class.getResourceAsStream("/conversation/heldout.tsv")) {
      heldout = Example.read(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    n = 0; intentRight = 0; reports = 0; categoryRight = 0;
    for (Example e : heldout) {
      n++;
      Classification c = model.classify(e.text());
      if (c.intent() == e.intent()) intentRight++;
      else System.out.println("  held-out intent: " + e.text() + " -> " + c.intent().code() + " want " + e.intent().code());
      if (e.intent() == Intent.REPORT) {
        reports++;
        String cat = model.category(e.text());
        if (cat.equals(e.category())) categoryRight++;
        else System.out.println("  held-out category: " + e.text() + " -> " + cat + " want " + e.category());
      }
    }
    System.out.printf("held-out file: intent %.3f (%d), category %.3f (%d); training took %d ms%n",
        intentRight / (double) n, n, categoryRight / (double) reports, reports, ms);

    int rounds = 20, total = 0;
    for (Example e : all) model.classify(e.text());  // warm-up
    long t1 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (Example e : all) {
        model.classify(e.text());
        total++;
      }
    }
    System.out.printf("classify: %.1f µs per message (%d messages)%n", (System.nanoTime() - t1) / 1000.0 / total, total);
  }
}
