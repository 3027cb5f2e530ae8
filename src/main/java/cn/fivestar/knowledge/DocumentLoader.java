package cn.fivestar.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads .txt, .md, .docx and .pdf files from folders. Text files are decoded as UTF-8, or GB18030 (common for
 * Chinese texts); Word and PDF files keep their title and headings ({@link OfficeDocuments}). Empty, binary,
 * undecodable, damaged or encrypted files are skipped with a problem that names the file, and the rest still load.
 */
public final class DocumentLoader {
  /** A file that could not be used, and why (shown to the operator). */
  public record Problem(Path file, String reason) {
    @Override
    public String toString() {
      return file + ": " + reason;
    }
  }

  /** What a load produced. */
  public record Result(List<SourceDocument> documents, List<Problem> problems) {}

  private static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
  /** Word and PDF files carry images and fonts beside their text, so they may be larger. */
  private static final long MAX_OFFICE_BYTES = 100L * 1024 * 1024;
  /** The file types read, by lower-case extension. */
  public static final List<String> EXTENSIONS = List.of(".txt", ".md", ".docx", ".pdf");
  private static final Pattern META = Pattern.compile("^(star|kind|place)\\s*[:：]\\s*(.+)$");
  private static final Charset GB18030 = Charset.forName("GB18030");

  private DocumentLoader() {}

  /** All documents under the folders, sorted by path so builds are reproducible. */
  public static List<Path> listFiles(List<Path> folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) throw new IOException("not a folder: " + folder);
      try (Stream<Path> s = Files.walk(folder)) {
        s.filter(Files::isRegularFile).filter(DocumentLoader::isDocument).sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** A document file to index: a known extension, not hidden, not a Word lock file (~$name.docx). */
  static boolean isDocument(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(n::endsWith) && !n.startsWith(".") && !n.startsWith("~$");
  }

  public static Result load(List<Path> files, Consumer<Integer> progress) {
    List<SourceDocument> docs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int n = 0;
    for (Path f : files) {
      try {
        readOne(f).ifPresentOrElse(docs::add, () -> problems.add(new Problem(f, "empty file, nothing to index")));
      } catch (BadFileException e) {
        problems.add(new Problem(f, e.getMessage()));
      } catch (IOException e) {
        problems.add(new Problem(f, "cannot read: " + e.getMessage()));
      }
      progress.accept(++n);
    }
    return new Result(docs, problems);
  }

  static Optional<SourceDocument> readOne(Path file) throws IOException {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".docx") || lower.endsWith(".pdf")) {
      if (Files.size(file) > MAX_OFFICE_BYTES) throw new BadFileException("larger than 100 MB, skipped");
      if (Files.size(file) == 0) return Optional.empty();
      return lower.endsWith(".pdf") ? OfficeDocuments.readPdf(file) : OfficeDocuments.readDocx(file);
    }
    if (Files.size(file) > MAX_FILE_BYTES) throw new BadFileException("larger than 20 MB, skipped");
    String text = decode(Files.readAllBytes(file));
    List<String> lines = new ArrayList<>(text.lines().toList());
    String name = file.getFileName().toString();
    String title = null;
    Map<String, String> meta = new LinkedHashMap<>();
    int start = 0;
    while (start < lines.size() && lines.get(start).isBlank()) start++;
    if (start < lines.size() && lines.get(start).strip().startsWith("#")) {
      title = lines.get(start).strip().replaceFirst("^#+\\s*", "");
      start++;
      while (start < lines.size()) {
        Matcher m = META.matcher(lines.get(start).strip());
        if (!m.matches()) break;
        meta.put(m.group(1), m.group(2).strip());
        start++;
      }
    }
    List<String> body = lines.subList(start, lines.size()).stream().map(DocumentLoader::stripMarkdownHeading).toList();
    List<SourceDocument.Block> blocks = TextRejoiner.rejoin(body);
    if (blocks.isEmpty() && (title == null || title.isBlank())) return Optional.empty();
    if (title == null || title.isBlank()) title = guessTitle(blocks, name);
    return Optional.of(new SourceDocument(name, title, meta, blocks));
  }

  /** Markdown headings become plain heading lines the rejoiner recognises ("#" prefix kept as the marker). */
  private static String stripMarkdownHeading(String line) {
    String s = line.strip();
    if (s.startsWith("#")) return "#" + s.replaceFirst("^#+\\s*", "");
    return line;
  }

  private static String guessTitle(List<SourceDocument.Block> blocks, String fileName) {
    for (SourceDocument.Block b : blocks) {
      if (b.heading()) return b.text().replaceFirst("^#", "");
    }
    String first = blocks.isEmpty() ? "" : blocks.get(0).text();
    return first.isEmpty() ? fileName : first.substring(0, Math.min(30, first.length()));
  }

  static String decode(byte[] bytes) throws BadFileException {
    if (looksBinary(bytes)) throw new BadFileException("binary file, not text (skipped)");
    try {
      String s = strict(StandardCharsets.UTF_8, bytes);
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException notUtf8) {
      try {
        return strict(GB18030, bytes);
      } catch (CharacterCodingException e) {
        throw new BadFileException("not UTF-8 or GB18030 text (wrong encoding?), skipped");
      }
    }
  }

  private static String strict(Charset cs, byte[] bytes) throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) return true;
      if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
    }
    return n > 0 && control * 10 > n;
  }

  static final class BadFileException extends IOException {
    BadFileException(String message) {
      super(message);
    }
  }
}
