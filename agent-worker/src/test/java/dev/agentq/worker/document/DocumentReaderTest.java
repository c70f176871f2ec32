package dev.agentq.worker.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  private final DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULT);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsEveryPageOfAPdfInOrder() {
    byte[] pdf =
        Pdfs.of(
            List.of(
                List.of("INVOICE INV-2041", "Bill to: Acme Corp."),
                List.of("Total amount due: 1,500.00 EUR."),
                List.of("Payable by 2026-12-02.")));

    String text = reader.read(pdf, DocumentFormat.PDF);

    assertThat(text)
        .isEqualTo(
            "INVOICE INV-2041\nBill to: Acme Corp.\n\nTotal amount due: 1,500.00 EUR.\n\n"
                + "Payable by 2026-12-02.");
  }

  @Test
  void refusesAPdfWithMorePagesThanAllowed() {
    DocumentReader strict = new DocumentReader(new DocumentLimits(1 << 20, 2, 10_000));

    assertThat(strict.read(Pdfs.numberedPages(2), DocumentFormat.PDF)).contains("Page 2");
    assertThatThrownBy(() -> strict.read(Pdfs.numberedPages(3), DocumentFormat.PDF))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.code()).isEqualTo("document_too_large");
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("3 pages", "limit of 2 pages");
            });
  }

  @Test
  void aDamagedPdfOrOneWithoutTextIsUnreadable() {
    byte[] pdf = Pdfs.numberedPages(1);
    byte[] damaged = Arrays.copyOf(pdf, 40);

    assertThatThrownBy(() -> reader.read(damaged, DocumentFormat.PDF))
        .hasFieldOrPropertyWithValue("code", "document_unreadable");
    assertThatThrownBy(() -> reader.read(Pdfs.of(List.of(List.of())), DocumentFormat.PDF))
        .hasFieldOrPropertyWithValue("code", "document_unreadable")
        .hasMessageContaining("no text");
  }

  @Test
  void readsHtmlBytesAndText() {
    String html =
        "<html><head><title>Notice</title><style>p{color:red}</style></head>"
            + "<body><p>First <b>paragraph</b>.</p><script>alert(1)</script><p>Second.</p>"
            + "</body></html>";

    assertThat(reader.read(html, DocumentFormat.HTML))
        .isEqualTo("Notice\n\nFirst paragraph.\n\nSecond.");
    assertThat(reader.read(utf8(html), DocumentFormat.HTML))
        .isEqualTo(reader.read(html, DocumentFormat.HTML));
  }

  @Test
  void readsTextAsUtf8AndTidiesItsLines() {
    byte[] withBom = utf8("\uFEFFCafé crème  \r\nline two\r\n\r\n\r\n\r\nlast\u0000line\n");

    assertThat(reader.read(withBom, DocumentFormat.TEXT))
        .isEqualTo("Café crème\nline two\n\nlast line");
    assertThat(reader.read(utf8("# Title\n\nSome *emphasis*."), DocumentFormat.MARKDOWN))
        .isEqualTo("Title\n\nSome emphasis.");
  }

  @Test
  void bytesThatAreNotTextAreUnreadable() {
    byte[] latin1 = "Café".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(latin1, DocumentFormat.TEXT))
        .hasFieldOrPropertyWithValue("code", "document_unreadable")
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> reader.read("%PDF-1.7", DocumentFormat.PDF))
        .hasFieldOrPropertyWithValue("code", "document_unreadable");
    assertThatThrownBy(() -> reader.read(" \n\t ", DocumentFormat.TEXT))
        .hasFieldOrPropertyWithValue("code", "document_unreadable");
  }

  @Test
  void holdsEveryDocumentToItsLimits() {
    DocumentReader small = new DocumentReader(new DocumentLimits(100, 10, 20));

    assertThatThrownBy(() -> small.read(new byte[101], DocumentFormat.TEXT))
        .hasFieldOrPropertyWithValue("code", "document_too_large")
        .hasMessageContaining("101 bytes");
    assertThatThrownBy(() -> small.read("x".repeat(21), DocumentFormat.TEXT))
        .hasFieldOrPropertyWithValue("code", "document_too_large")
        .hasMessageContaining("21 characters");
    assertThat(small.read("x".repeat(20), DocumentFormat.TEXT)).hasSize(20);
  }
}
