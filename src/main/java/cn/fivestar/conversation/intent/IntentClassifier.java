package cn.fivestar.conversation.intent;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Intent and category of a resident's message. Two small logistic models over character n-grams and domain
 * lexicon cues, trained at start-up on the team's own labelled examples
 * ({@code conversation/examples.tsv}, {@code conversation/lexicon.tsv}), plus three unambiguous rules: a
 * message carrying a tracking number asks about that case; an empty message, or one without a single Chinese
 * character (emoji, "ok", stray code), is small talk, answered with a greeting and what the bot can do.
 */
public final class IntentClassifier {
  /** Tracking numbers look like 20261123-0007 (date, dash, sequence). */
  public static final Pattern TRACKING_NUMBER = Pattern.compile("(?<!\\d)(\\d{8}-\\d{4})(?!\\d)");
  public static final String OTHER = "其他";

  private final Lexicon lexicon;
  private final SoftmaxModel intents;
  private final SoftmaxModel categories;

  private IntentClassifier(Lexicon lexicon, SoftmaxModel intents, SoftmaxModel categories) {
    this.lexicon = lexicon;
    this.intents = intents;
    this.categories = categories;
  }

  /** Trains on the bundled examples and lexicon. */
  public static IntentClassifier load() {
    return train(Example.read(resource("conversation/examples.tsv")), Lexicon.read(resource("conversation/lexicon.tsv")));
  }

  /** The bundled lexicon (tests use it to train on a subset of the examples). */
  public static Lexicon bundledLexicon() {
    return Lexicon.read(resource("conversation/lexicon.tsv"));
  }

  /** The bundled examples. */
  public static List<Example> bundledExamples() {
    return Example.read(resource("conversation/examples.tsv"));
  }

  public static IntentClassifier train(List<Example> examples, Lexicon lexicon) {
    List<SoftmaxModel.Sample> intentSamples = new ArrayList<>();
    List<SoftmaxModel.Sample> categorySamples = new ArrayList<>();
    for (Example e : examples) {
      String norm = TextFeatures.normalize(e.text());
      intentSamples.add(new SoftmaxModel.Sample(intentFeatures(norm, lexicon), e.intent().code()));
      if (e.intent() == Intent.REPORT && e.category() != null) {
        categorySamples.add(new SoftmaxModel.Sample(categoryFeatures(norm, lexicon), e.category()));
      }
    }
    // Each category term is also a tiny example, so words no example happens to use still carry their category.
    lexicon.terms().forEach((key, terms) -> {
      if (key.startsWith("@")) return;
      for (String t : terms) categorySamples.add(new SoftmaxModel.Sample(categoryFeatures(t, lexicon), key));
    });
    return new IntentClassifier(lexicon, SoftmaxModel.train(intentSamples), SoftmaxModel.train(categorySamples));
  }

  public Classification classify(String text) {
    String norm = TextFeatures.normalize(text);
    if (TRACKING_NUMBER.matcher(text).find()) return new Classification(Intent.STATUS, null, 1.0);
    if (norm.codePoints().noneMatch(IntentClassifier::isHan)) return new Classification(Intent.CHITCHAT, null, 1.0);
    Map<String, Double> p = intents.predict(intentFeatures(norm, lexicon));
    String best = argmax(p);
    Intent intent = Intent.parse(best);
    return new Classification(intent, intent == Intent.REPORT ? categoryOf(norm) : null, p.get(best));
  }

  /** The most likely taxonomy category of any text (used when a question becomes a request). */
  public String category(String text) {
    String norm = TextFeatures.normalize(text);
    return norm.isEmpty() ? OTHER : categoryOf(norm);
  }

  /**
   * The taxonomy category when the model is at least {@code minConfidence} sure, else 其他: for text that need not
   * be about a problem at all (a question passed on to staff).
   */
  public String category(String text, double minConfidence) {
    String norm = TextFeatures.normalize(text);
    if (norm.isEmpty()) return OTHER;
    Map<String, Double> p = categories.predict(categoryFeatures(norm, lexicon));
    String best = argmax(p);
    return p.get(best) >= minConfidence ? best : OTHER;
  }

  private String categoryOf(String norm) {
    return argmax(categories.predict(categoryFeatures(norm, lexicon)));
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private static String argmax(Map<String, Double> p) {
    return p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static Collection<String> intentFeatures(String norm, Lexicon lexicon) {
    Set<String> f = TextFeatures.ngrams(norm);
    for (String key : lexicon.keysIn(norm)) f.add("#lex:" + key);
    f.add(TextFeatures.lengthBucket(norm));
    return f;
  }

  private static Collection<String> categoryFeatures(String norm, Lexicon lexicon) {
    Set<String> f = TextFeatures.ngrams(norm);
    for (String key : lexicon.keysIn(norm)) if (!key.startsWith("@")) f.add("#lex:" + key);
    return f;
  }

  private static InputStream resource(String path) {
    InputStream in = IntentClassifier.class.getClassLoader().getResourceAsStream(path);
    if (in == null) throw new IllegalStateException("missing resource " + path);
    return in;
  }
}
