package dev.agentq.worker.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentFormatTest {

  @Test
  void aFileNameSaysTheFormatByItsExtension() {
    assertThat(DocumentFormat.ofFileName("2026/Report.PDF")).contains(DocumentFormat.PDF);
    assertThat(DocumentFormat.ofFileName("page.htm")).contains(DocumentFormat.HTML);
    assertThat(DocumentFormat.ofFileName("README.md")).contains(DocumentFormat.MARKDOWN);
    assertThat(DocumentFormat.ofFileName("notes.txt")).contains(DocumentFormat.TEXT);
    assertThat(DocumentFormat.ofFileName("scan.tiff")).isEqualTo(Optional.empty());
    assertThat(DocumentFormat.ofFileName("no-extension")).isEmpty();
  }

  @Test
  void contentSaysPdfByItsMagicAndHtmlByItsMarkers() {
    assertThat(DocumentFormat.sniff(Pdfs.numberedPages(1))).isEqualTo(DocumentFormat.PDF);
    assertThat(DocumentFormat.sniff("<!DOCTYPE html>\n<HTML lang=en>"))
        .isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.sniff("<body>Hi</body>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(DocumentFormat.HTML);
    assertThat(DocumentFormat.sniff("# Title\n\nText.")).isEqualTo(DocumentFormat.TEXT);
    assertThat(DocumentFormat.sniff("Use <b> for bold.")).isEqualTo(DocumentFormat.TEXT);
  }

  @Test
  void wireNames() {
    assertThat(DocumentFormat.fromWire("markdown")).contains(DocumentFormat.MARKDOWN);
    assertThat(DocumentFormat.fromWire("docx")).isEmpty();
    assertThat(DocumentFormat.PDF.wire()).isEqualTo("pdf");
  }
}
