package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Real Word and PDF files with Chinese text, written here, read back, indexed and found with their titles. */
class DocumentFormatsTest {
  /** Debian's fonts-wqy-zenhei (installed by .ci/run when missing): a TrueType font with CJK glyphs for the PDF. */
  static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  @TempDir Path tmp;
  Path docs;
  Path data;

  @BeforeEach
  void folders() throws IOException {
    docs = Files.createDirectories(tmp.resolve("docs"));
    data = tmp.resolve("data");
  }

  // ---------------------------------------------------------------- writers

  static void writeDocx(Path file) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      XWPFStyles styles = doc.createStyles();
      // As a Chinese Word saves its built-in heading: style id "1", name "heading 1" (shown as 标题 1).
      styles.addStyle(style("1", "heading 1"));
      styles.addStyle(style("a5", "标题 2"));
      paragraph(doc, "Title", "幸福里社区议事会工作规程");
      paragraph(doc, "1", "第一章 议事范围");
      paragraph(doc, null, "凡涉及小区加装电梯、停车位划分、公共收益使用的事项，均应提交居民议事会协商决定。");
      paragraph(doc, "a5", "议事流程");
      paragraph(doc, null, "议事会每月第二个星期三晚上七点召开，由楼栋长收集议题，提前三天在小区公告栏公示。");
      paragraph(doc, "Heading2", "联系方式");
      XWPFTable t = doc.createTable(2, 2);
      t.getRow(0).getCell(0).setText("议事会办公室");
      t.getRow(0).getCell(1).setText("社区服务中心二楼203室");
      t.getRow(1).getCell(0).setText("值班电话");
      t.getRow(1).getCell(1).setText("0371-66889900");
      doc.write(out);
    }
  }

  private static XWPFStyle style(String id, String name) {
    CTStyle ct = CTStyle.Factory.newInstance();
    ct.setStyleId(id);
    ct.addNewName().setVal(name);
    ct.setType(STStyleType.PARAGRAPH);
    return new XWPFStyle(ct);
  }

  private static void paragraph(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    if (style != null) p.setStyle(style);
    p.createRun().setText(text);
  }

  /** Lines as a PDF page holds them: the size gives title (22), heading (16) and running text (11). */
  record Line(float size, String text) {}

  static void writePdf(Path file, List<Line> lines, StandardProtectionPolicy protection) throws IOException {
    Assumptions.assumeTrue(Files.exists(CJK_FONT) || "true".equals(System.getenv("CI")),
        "no CJK font at " + CJK_FONT + " (apt-get install fonts-wqy-zenhei); .ci/run installs it");
    try (TrueTypeCollection ttc = new TrueTypeCollection(CJK_FONT.toFile()); PDDocument doc = new PDDocument()) {
      TrueTypeFont ttf = ttc.getFontByName("WenQuanYiZenHei");
      PDType0Font font = PDType0Font.load(doc, ttf, true);
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        float y = 740;
        for (Line l : lines) {
          y -= l.size() * 1.6f;
          if (l.text().isEmpty()) continue;
          cs.beginText();
          cs.setFont(font, l.size());
          cs.newLineAtOffset(60, y);
          cs.showText(l.text());
          cs.endText();
        }
      }
      if (protection != null) doc.protect(protection);
      doc.save(file.toFile());
    }
  }

  static final List<Line> PDF_LINES = List.of(
      new Line(22, "花园里社区垃圾分类实施方案"),
      new Line(11, ""),
      new Line(16, "一、投放时间"),
      new Line(11, "厨余垃圾每天早上六点半至八点半、晚上"),
      new Line(11, "六点至八点在各楼栋门前定时定点投放，"),
      new Line(11, "由志愿者现场指导居民分类。"),
      new Line(11, ""),
      new Line(16, "二、积分奖励"),
      new Line(11, "居民正确分类可获得绿色积分，每满一百"),
      new Line(11, "分可在社区超市兑换洗衣液或大米一袋。"));

  // ---------------------------------------------------------------- tests

  @Test
  void wordDocumentKeepsTitleHeadingsAndTables() throws IOException {
    Path f = docs.resolve("议事规程.docx");
    writeDocx(f);
    SourceDocument d = DocumentLoader.readOne(f).orElseThrow();
    assertEquals("幸福里社区议事会工作规程", d.title());
    List<String> headings = d.blocks().stream().filter(SourceDocument.Block::heading).map(SourceDocument.Block::text).toList();
    assertEquals(List.of("第一章 议事范围", "议事流程", "联系方式"), headings);
    assertTrue(d.blocks().stream().anyMatch(b -> b.text().contains("值班电话 | 0371-66889900")), d.blocks().toString());

    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, s -> {})) {
      List<Hit> hits = kb.search("议事会什么时候开", 3);
      assertFalse(hits.isEmpty());
      Hit top = hits.get(0);
      assertEquals("议事规程.docx", top.source());
      assertEquals("幸福里社区议事会工作规程", top.title());
      assertEquals("议事流程", top.passage().heading());
      assertTrue(top.text().contains("第二个星期三晚上七点"), top.text());
    }
  }

  @Test
  void pdfKeepsTitleAndLargeHeadingsAndRejoinsColumnLines() throws IOException {
    Path f = docs.resolve("垃圾分类.pdf");
    writePdf(f, PDF_LINES, null);
    SourceDocument d = DocumentLoader.readOne(f).orElseThrow();
    assertEquals("花园里社区垃圾分类实施方案", d.title());
    List<String> headings = d.blocks().stream().filter(SourceDocument.Block::heading).map(SourceDocument.Block::text).toList();
    assertEquals(List.of("一、投放时间", "二、积分奖励"), headings, d.blocks().toString());
    // The sentence broken over three page lines comes back as one paragraph.
    assertTrue(d.blocks().stream().anyMatch(b -> !b.heading()
        && b.text().contains("晚上六点至八点在各楼栋门前定时定点投放，由志愿者现场指导居民分类。")), d.blocks().toString());

    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, s -> {})) {
      List<Hit> hits = kb.search("垃圾分类积分能换什么", 3);
      assertFalse(hits.isEmpty());
      Hit top = hits.get(0);
      assertEquals("垃圾分类.pdf", top.source());
      assertEquals("花园里社区垃圾分类实施方案", top.title());
      assertEquals("二、积分奖励", top.passage().heading());
      assertTrue(top.text().contains("每满一百分可在社区超市兑换洗衣液"), top.text());
    }
  }

  @Test
  void damagedEncryptedAndEmptyFilesAreSkippedWithAWarningAndTheRestIndexed() throws IOException {
    writeDocx(docs.resolve("good.docx"));
    writePdf(docs.resolve("good.pdf"), PDF_LINES, null);
    Files.writeString(docs.resolve("note.md"), "# 便民服务\n\n社区卫生服务站周六上午开放。\n", StandardCharsets.UTF_8);

    // damaged: a Word file cut in half, a PDF with only its header, and random bytes named .docx
    byte[] docx = Files.readAllBytes(docs.resolve("good.docx"));
    Files.write(docs.resolve("cut.docx"), Arrays.copyOf(docx, docx.length / 2));
    Files.writeString(docs.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Cat", StandardCharsets.ISO_8859_1);
    Files.write(docs.resolve("noise.docx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    // encrypted: a PDF with a user password and a password-protected Word file
    StandardProtectionPolicy lock = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
    lock.setEncryptionKeyLength(128);
    writePdf(docs.resolve("secret.pdf"), PDF_LINES, lock);
    encryptDocx(docs.resolve("good.docx"), docs.resolve("secret.docx"), "user-secret");
    // empty
    Files.write(docs.resolve("empty.pdf"), new byte[0]);
    // a Word lock file is not a document at all
    Files.write(docs.resolve("~$good.docx"), new byte[] {0, 1});

    List<String> progress = new ArrayList<>();
    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, progress::add)) {
      List<String> warnings = progress.stream().filter(s -> s.startsWith("warning: skipped")).toList();
      String all = String.join("\n", warnings);
      assertEquals(6, warnings.size(), all);
      for (String name : List.of("cut.docx", "broken.pdf", "noise.docx", "secret.pdf", "secret.docx", "empty.pdf")) {
        assertTrue(warnings.stream().anyMatch(w -> w.contains(name)), name + " not named in:\n" + all);
      }
      assertTrue(warnings.stream().anyMatch(w -> w.contains("secret.pdf") && w.contains("encrypted")), all);
      assertTrue(warnings.stream().anyMatch(w -> w.contains("secret.docx") && w.contains("encrypted")), all);
      assertTrue(warnings.stream().anyMatch(w -> w.contains("cut.docx") && w.contains("damaged")), all);
      assertEquals(6, kb.summary().problems().size());
      assertEquals(9, kb.summary().files());
      // the good ones are all there
      assertEquals("good.docx", kb.search("议事会什么时候开", 1).get(0).source());
      assertEquals("good.pdf", kb.search("垃圾分类积分兑换", 1).get(0).source());
      assertEquals("note.md", kb.search("卫生服务站周六开放吗", 1).get(0).source());
    }
  }

  static void encryptDocx(Path plain, Path target, String password) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword(password);
      try (InputStream in = Files.newInputStream(plain); OPCPackage opc = OPCPackage.open(in);
          OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | java.security.GeneralSecurityException e) {
        throw new IOException(e);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      Files.write(target, out.toByteArray());
    }
  }

}
