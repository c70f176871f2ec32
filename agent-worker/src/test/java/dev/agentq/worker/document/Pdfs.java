package dev.agentq.worker.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real PDF bytes, written with PDFBox: one page per list of lines, in Helvetica. */
public final class Pdfs {
  private Pdfs() {}

  /** A PDF whose page {@code i} shows the lines {@code pages.get(i)}. */
  public static byte[] of(List<List<String>> pages) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(14);
          content.newLineAtOffset(60, 720);
          for (String line : lines) {
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF of {@code count} pages, page {@code n} (from 1) reading "Page n of the report." */
  public static byte[] numberedPages(int count) {
    return of(
        java.util.stream.IntStream.rangeClosed(1, count)
            .mapToObj(n -> List.of("Page " + n + " of the report."))
            .toList());
  }
}
