package cn.fivestar.conversation.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
  private static final String COMMUNITY = "community";
  private static final String OFF_TOPIC = "offtopic";
  /**
   * On the team's question sets, everyday off-topic questions reached at most 0.38 with their best case category,
   * colloquial community ones at least 0.50.
   */
  private static final double COMMUNITY_CATEGORY_CONFIDENCE = 0.45;
  /**
   * "社区有组织没", "街道能帮上啥忙不", "企业遇到难处街道管不管": a resident asking whether the community does something
   * asks about community life even when no case category fits (a ping-pong club, a veteran's medal, a business).
   */
  private static final Pattern ASKS_COMMUNITY = Pattern.compile(
      "(?:社区|街道|村里|村委|居委会|网格员|楼里|院里|小区)[^，。？！,.?!\\s]{0,10}?"
          + "(?:有没有|有没|管不管|管没管|能不能|能不|会不会|给不给|帮不帮|有啥|有什么|能帮|能给|会给|管吗|管不|有人|有组织|有这)");

  private final Lexicon lexicon;
  private final SoftmaxModel intents;
  private final SoftmaxModel categories;
  private final SoftmaxModel topics;

  private IntentClassifier(Lexicon lexicon, SoftmaxModel intents, SoftmaxModel categories, SoftmaxModel topics) {
    this.lexicon = lexicon;
    this.intents = intents;
    this.categories = categories;
    this.topics = topics;
  }

  /** Trains on the bundled examples, off-topic questions and lexicon. */
  public static IntentClassifier load() {
    return train(bundledExamples(), bundledOffTopic(), bundledLexicon());
  }

  /** The bundled model, trained once per process on first use (the models are read-only after training). */
  public static IntentClassifier shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final IntentClassifier INSTANCE = load();
  }

  private static final java.util.concurrent.ConcurrentHashMap<Path, IntentClassifier> STORED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The bundled model, stored in the data folder after its first training ({@code DIR/models/intent-<key>.bin}, the
   * key a hash of the training data), so a restart answers its first message without training (~1 s on 2 cores).
   * A missing, stale or unreadable file is trained anew and rewritten; a folder that cannot be written still works.
   */
  public static IntentClassifier shared(Path dataDir) {
    return STORED.computeIfAbsent(dataDir.toAbsolutePath().normalize(), IntentClassifier::loadStored);
  }

  private static IntentClassifier loadStored(Path dataDir) {
    byte[] examples = bytes("conversation/examples.tsv");
    byte[] offTopic = bytes("conversation/offtopic.txt");
    byte[] lexicon = bytes("conversation/lexicon.tsv");
    Path file = dataDir.resolve("models").resolve("intent-" + key(examples, offTopic, lexicon) + ".bin");
    if (Files.isRegularFile(file)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        Lexicon lex = Lexicon.read(new java.io.ByteArrayInputStream(lexicon));
        return new IntentClassifier(lex, SoftmaxModel.read(in), SoftmaxModel.read(in), SoftmaxModel.read(in));
      } catch (IOException | RuntimeException e) {
        LoggerFactory.getLogger(IntentClassifier.class).warn("stored intent model {} unreadable, training anew: {}",
            file.getFileName(), e.toString());
      }
    }
    IntentClassifier trained = shared();
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "intent-", ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        trained.intents.write(out);
        trained.categories.write(out);
        trained.topics.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(IntentClassifier.class).warn("cannot store the intent model in {}: {}", file.getParent(),
          e.toString());
    }
    return trained;
  }

  /** A short hash of the training data and the model format: a changed example file retrains. */
  private static String key(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update("softmax-v1".getBytes(StandardCharsets.UTF_8));
      for (byte[] p : parts) {
        md.update(p);
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String path) {
    try (InputStream in = resource(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled lexicon (tests use it to train on a subset of the examples). */
  public static Lexicon bundledLexicon() {
    return Lexicon.read(resource("conversation/lexicon.tsv"));
  }

  /** The bundled examples. */
  public static List<Example> bundledExamples() {
    return Example.read(resource("conversation/examples.tsv"));
  }

  /** The bundled everyday questions outside the bot's field. */
  public static List<String> bundledOffTopic() {
    return Example.lines(resource("conversation/offtopic.txt"));
  }

  /**
   * {@code offTopic}: questions about everyday matters no community handles; with the examples' reports and
   * questions they train the topic model behind {@link #communityTopic}.
   */
  public static IntentClassifier train(List<Example> examples, List<String> offTopic, Lexicon lexicon) {
    List<SoftmaxModel.Sample> intentSamples = new ArrayList<>();
    List<SoftmaxModel.Sample> categorySamples = new ArrayList<>();
    List<SoftmaxModel.Sample> topicSamples = new ArrayList<>();
    for (Example e : examples) {
      String norm = TextFeatures.normalize(e.text());
      intentSamples.add(new SoftmaxModel.Sample(intentFeatures(norm, lexicon), e.intent().code()));
      if (e.intent() == Intent.REPORT || e.intent() == Intent.QUESTION) {
        topicSamples.add(new SoftmaxModel.Sample(contentFeatures(norm, lexicon), COMMUNITY));
      }
      if (e.intent() == Intent.REPORT && e.category() != null) {
        categorySamples.add(new SoftmaxModel.Sample(contentFeatures(norm, lexicon), e.category()));
      }
    }
    // Each category term is also a tiny example, so words no example happens to use still carry their category.
    lexicon.terms().forEach((key, terms) -> {
      if (key.startsWith("@")) return;
      for (String t : terms) categorySamples.add(new SoftmaxModel.Sample(contentFeatures(t, lexicon), key));
    });
    // Off-topic questions are repeated until both sides weigh alike, so the model has no prior for either.
    int community = topicSamples.size();
    for (int i = 0; !offTopic.isEmpty() && i < Math.max(community, offTopic.size()); i++) {
      String q = offTopic.get(i % offTopic.size());
      topicSamples.add(new SoftmaxModel.Sample(contentFeatures(TextFeatures.normalize(q), lexicon), OFF_TOPIC));
    }
    // Three independent models: train them side by side (start-up time of chat, serve and ask).
    var categories = CompletableFuture.supplyAsync(() -> SoftmaxModel.train(categorySamples));
    var topics = CompletableFuture.supplyAsync(() -> SoftmaxModel.train(topicSamples));
    SoftmaxModel intents = SoftmaxModel.train(intentSamples);
    return new IntentClassifier(lexicon, intents, categories.join(), topics.join());
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
    Map<String, Double> p = categories.predict(contentFeatures(norm, lexicon));
    String best = argmax(p);
    return p.get(best) >= minConfidence ? best : OTHER;
  }

  /**
   * How likely the text is about community or village life or the five-star campaign (0..1), as opposed to
   * everyday topics no community office handles (weather, medicine, recipes, shares, travel).
   */
  public double communityTopic(String text) {
    String norm = TextFeatures.normalize(text);
    if (norm.isEmpty()) return 0;
    return topics.predict(contentFeatures(norm, lexicon)).getOrDefault(COMMUNITY, 0.0);
  }

  /** Whether the text uses a word of a problem or of a case category (坏了, 漏, 垃圾, 停车…) from the lexicon. */
  public boolean namesProblem(String text) {
    return lexicon.keysIn(TextFeatures.normalize(text)).stream()
        .anyMatch(k -> k.equals("@problem") || !k.startsWith("@"));
  }

  /**
   * Clearly about a matter of community life: the topic model says so and the case model names its category
   * with confidence. Either model alone is fooled by words ("郑州", "吃"); on the team's questions the two
   * together let through every colloquial community question and no everyday off-topic one.
   */
  public boolean aboutCommunityLife(String text) {
    return communityTopic(text) >= 0.5
        && (categoryConfidence(text) >= COMMUNITY_CATEGORY_CONFIDENCE || ASKS_COMMUNITY.matcher(text).find());
  }

  /**
   * Clearly an everyday matter outside the bot's field: the topic model is nearly sure (in-scope questions scored
   * at least 0.21) and the case model sees no case category in it either.
   */
  public boolean offTopic(String text) {
    return communityTopic(text) < 0.1 && categoryConfidence(text) < COMMUNITY_CATEGORY_CONFIDENCE;
  }

  /** The case model's probability for its best category, 其他 (a community request of another kind) included. */
  public double categoryConfidence(String text) {
    String norm = TextFeatures.normalize(text);
    if (norm.isEmpty()) return 0;
    return categories.predict(contentFeatures(norm, lexicon)).values().stream().max(Double::compare).orElse(0.0);
  }

  private String categoryOf(String norm) {
    return argmax(categories.predict(contentFeatures(norm, lexicon)));
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

  /** What a message is about, for the category and topic models: n-grams and category cues, no intent cues. */
  private static Collection<String> contentFeatures(String norm, Lexicon lexicon) {
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
