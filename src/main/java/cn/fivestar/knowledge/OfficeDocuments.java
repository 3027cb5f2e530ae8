package cn.fivestar.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word (.docx, Apache POI) and PDF (Apache PDFBox) documents as {@link SourceDocument}s with title and headings,
 * like the Markdown ones. Damaged and password-protected files fail with a {@link DocumentLoader.BadFileException}
 * whose message says why, so the loader skips them with a warning naming the file.
 */
final class OfficeDocuments {
  /** Heading paragraph styles: Word's built-in "heading 1".."heading 9" (标题 1.. in a Chinese Word), and custom ones. */
  private static final Pattern HEADING_STYLE =
      Pattern.compile("(?i)^(heading\\s*\\d|标题\\s*\\d|h\\d|\\d)$|^(?i)heading\\s*\\d.*|^标题\\s*\\d.*");
  private static final Pattern TITLE_STYLE = Pattern.compile("(?i)^(title|标题|doctitle)$");
  private static final String TERMINAL = "。！？!?；;，,、：:";

  private OfficeDocuments() {}

  // ---------------------------------------------------------------- Word

  static Optional<SourceDocument> readDocx(Path file) throws IOException {
    String name = file.getFileName().toString();
    checkNotOle2(file, "Word");
    XWPFDocument doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = new XWPFDocument(in);
    } catch (IOException | RuntimeException e) {
      throw new DocumentLoader.BadFileException("damaged or not a Word .docx file (" + brief(e) + "), skipped");
    }
    try (doc) {
      String title = null;
      try {
        String core = doc.getProperties().getCoreProperties().getTitle();
        if (core != null && !core.isBlank()) title = core.strip();
      } catch (RuntimeException ignored) {
        // no or unreadable core properties: fall back to the title paragraph
      }
      List<SourceDocument.Block> blocks = new ArrayList<>();
      for (IBodyElement e : doc.getBodyElements()) {
        if (e instanceof XWPFParagraph p) {
          String text = p.getText().replace('\u3000', ' ').strip().replaceAll("\\s+", " ");
          if (text.isEmpty()) continue;
          String style = styleName(doc, p);
          if (TITLE_STYLE.matcher(style).matches()) {
            if (title == null) title = text;
            else if (!title.equals(text)) blocks.add(new SourceDocument.Block(true, text));
          } else if (HEADING_STYLE.matcher(style).matches() || outlineLevel(p) >= 0) {
            blocks.add(new SourceDocument.Block(true, text));
          } else {
            blocks.add(new SourceDocument.Block(false, text));
          }
        } else if (e instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell c : row.getTableCells()) {
              String s = c.getText().strip().replaceAll("\\s+", " ");
              if (!s.isEmpty()) cells.add(s);
            }
            if (!cells.isEmpty()) blocks.add(new SourceDocument.Block(false, String.join(" | ", cells)));
          }
        }
      }
      return finish(name, title, blocks);
    } catch (RuntimeException e) {
      throw new DocumentLoader.BadFileException("damaged Word file (" + brief(e) + "), skipped");
    }
  }

  private static String styleName(XWPFDocument doc, XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) return "";
    XWPFStyle s = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    String name = s == null || s.getName() == null ? id : s.getName();
    // A style named "Heading 1" or with id "Heading1" / "1" (Chinese Word's built-in ids) both count.
    if (HEADING_STYLE.matcher(name.strip()).matches() || TITLE_STYLE.matcher(name.strip()).matches()) return name.strip();
    return id.strip();
  }

  /** The paragraph's own outline level (0-8) when it sets one directly, else -1. */
  private static int outlineLevel(XWPFParagraph p) {
    try {
      var ppr = p.getCTP().getPPr();
      if (ppr != null && ppr.isSetOutlineLvl()) {
        int lvl = ppr.getOutlineLvl().getVal().intValue();
        return lvl <= 8 ? lvl : -1;
      }
    } catch (RuntimeException ignored) {
      // unusual XML: treat as body text
    }
    return -1;
  }

  // ---------------------------------------------------------------- PDF

  static Optional<SourceDocument> readPdf(Path file) throws IOException {
    String name = file.getFileName().toString();
    PDDocument doc;
    try {
      doc = Loader.loadPDF(file.toFile());
    } catch (InvalidPasswordException e) {
      throw new DocumentLoader.BadFileException("encrypted PDF (password-protected), skipped");
    } catch (IOException | RuntimeException e) {
      throw new DocumentLoader.BadFileException("damaged or not a PDF file (" + brief(e) + "), skipped");
    }
    try (doc) {
      String title = null;
      try {
        String t = doc.getDocumentInformation().getTitle();
        if (t != null && !t.isBlank()) title = t.strip();
      } catch (RuntimeException ignored) {
        // unreadable info dictionary
      }
      LineStripper stripper = new LineStripper();
      try {
        stripper.getText(doc);
      } catch (IOException | RuntimeException e) {
        throw new DocumentLoader.BadFileException("damaged PDF, text unreadable (" + brief(e) + "), skipped");
      }
      List<StyledLine> lines = stripper.lines;
      if (lines.stream().allMatch(l -> l.text.isBlank())) {
        throw new DocumentLoader.BadFileException("PDF without text (scanned pages? run OCR first), skipped");
      }
      float body = bodySize(lines);
      long textLines = lines.stream().filter(l -> !l.text.isBlank()).count();
      // Bold marks headings only where running text is not bold itself.
      boolean boldMarks = lines.stream().filter(StyledLine::bold).count() * 2 < textLines;
      List<String> raw = new ArrayList<>();
      boolean first = true;
      for (StyledLine l : lines) {
        String s = l.text.strip();
        if (s.isEmpty()) {
          raw.add("");
          continue;
        }
        if (first) {
          first = false;
          // The first line is the title when the document names none, or when it repeats the named one.
          if (title == null) {
            title = s.replaceAll("\\s+", " ");
            continue;
          }
          if (s.replaceAll("\\s+", "").equals(title.replaceAll("\\s+", ""))) continue;
        }
        raw.add(looksLikeHeading(l, s, body, boldMarks) ? "#" + s : l.text);
      }
      // Same rejoining as .txt: PDF lines break at the column width like newspaper pages.
      return finish(name, title, TextRejoiner.rejoin(raw));
    } catch (DocumentLoader.BadFileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DocumentLoader.BadFileException("damaged PDF (" + brief(e) + "), skipped");
    }
  }

  /** A large or bold short line that does not end like a sentence is a heading. */
  private static boolean looksLikeHeading(StyledLine l, String s, float body, boolean boldMarks) {
    if (s.length() > 40 || body <= 0) return false;
    char last = s.charAt(s.length() - 1);
    if (TERMINAL.indexOf(last) >= 0) return false;
    return l.size >= body * 1.2f || (l.bold && boldMarks);
  }

  /** The most common font size, weighted by characters: the size of running text. */
  private static float bodySize(List<StyledLine> lines) {
    Map<Float, Integer> counts = new java.util.HashMap<>();
    for (StyledLine l : lines) {
      if (!l.text.isBlank()) counts.merge(Math.round(l.size * 2) / 2f, l.text.length(), Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
  }

  private record StyledLine(String text, float size, boolean bold) {}

  /** Collects the text line by line with the line's largest font size and whether it is set in bold. */
  private static final class LineStripper extends PDFTextStripper {
    final List<StyledLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private float size;
    private boolean bold = true;
    private boolean any;

    LineStripper() throws IOException {
      setSortByPosition(false);
      setLineSeparator("\n");
      setParagraphStart("");
      setParagraphEnd("");
    }

    @Override
    protected void writeString(String s, List<TextPosition> positions) {
      text.append(s);
      for (TextPosition p : positions) {
        size = Math.max(size, p.getFontSizeInPt());
        String font = p.getFont() == null || p.getFont().getName() == null ? "" : p.getFont().getName();
        if (!font.toLowerCase(Locale.ROOT).contains("bold") && !p.getUnicode().isBlank()) bold = false;
        any = true;
      }
    }

    @Override
    protected void writeWordSeparator() {
      text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) {
      endLine();
      lines.add(new StyledLine("", 0, false));
    }

    private void endLine() {
      if (text.length() > 0 || any) lines.add(new StyledLine(text.toString(), size, any && bold));
      text.setLength(0);
      size = 0;
      bold = true;
      any = false;
    }
  }

  // ---------------------------------------------------------------- shared

  private static Optional<SourceDocument> finish(String name, String title, List<SourceDocument.Block> blocks) {
    if (blocks.isEmpty() && (title == null || title.isBlank())) return Optional.empty();
    if (title == null || title.isBlank()) {
      title = blocks.stream().filter(SourceDocument.Block::heading).map(SourceDocument.Block::text).findFirst()
          .orElse(blocks.get(0).text().substring(0, Math.min(30, blocks.get(0).text().length())));
    }
    return Optional.of(new SourceDocument(name, title, Map.of(), blocks));
  }

  /** An OLE2 container where a .docx is expected: a password-protected Word file (or an old .doc renamed). */
  private static void checkNotOle2(Path file, String what) throws IOException {
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      if (n < head.length) throw new DocumentLoader.BadFileException("damaged " + what + " file (too short), skipped");
    }
    if (FileMagic.valueOf(head) != FileMagic.OLE2) return;
    boolean encrypted;
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      encrypted = fs.getRoot().hasEntry("EncryptionInfo");
    } catch (IOException | RuntimeException e) {
      encrypted = false;
    }
    throw new DocumentLoader.BadFileException(encrypted
        ? "encrypted " + what + " file (password-protected), skipped"
        : "old binary .doc format saved as .docx (save it as .docx again), skipped");
  }

  private static String brief(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
    m = m.lines().findFirst().orElse(m);
    return m.length() > 120 ? m.substring(0, 120) + "…" : m;
  }
}
