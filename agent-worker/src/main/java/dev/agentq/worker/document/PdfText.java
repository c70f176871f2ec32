package dev.agentq.worker.document;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF, page after page, read with Apache PDFBox. */
final class PdfText {
  private PdfText() {}

  /** Pages end with a blank line, so that a page break is a paragraph break for the chunker. */
  static String read(byte[] bytes, DocumentLimits limits) {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pages = pdf.getNumberOfPages();
      if (pages > limits.maxPages()) {
        throw DocumentException.tooLarge(
            pages + " pages, over the limit of " + limits.maxPages() + " pages");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      stripper.setPageEnd("\n\n");
      stripper.setSortByPosition(true);
      return stripper.getText(pdf);
    } catch (InvalidPasswordException e) {
      throw DocumentException.unreadable("the PDF is encrypted with a password", e);
    } catch (IOException e) {
      throw DocumentException.unreadable("not a readable PDF (" + e.getMessage() + ")", e);
    }
  }
}
