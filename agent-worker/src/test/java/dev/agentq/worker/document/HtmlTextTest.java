package dev.agentq.worker.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
  private final DocumentReader reader = new DocumentReader(DocumentLimits.DEFAULT);

  @Test
  void readsTheVisibleTextWithBlocksOnTheirOwnLines() {
    String html =
        """
        <!doctype html>
        <html><head><title> Supplier notice </title>
        <script>var secret = "not text";</script><style>.x { display: none }</style></head>
        <body>
          <nav>Home</nav>
          <h1>Price   change</h1>
          <p>From <b>1 January</b>, prices rise by <i>4%</i>.<br>Orders placed before stay.</p>
          <ul><li>Steel</li><li>Copper</li></ul>
          <table><tr><th>Item</th><th>Price</th></tr><tr><td>Bolt</td><td>0.10</td></tr></table>
          <div hidden>Hidden draft</div>
          <p style="display:none">Invisible</p>
          <noscript>Enable JavaScript</noscript>
          <pre>  keep   spacing</pre>
        </body></html>
        """;

    assertThat(reader.read(html, DocumentFormat.HTML))
        .isEqualTo(
            """
            Supplier notice

            Home

            Price change

            From 1 January, prices rise by 4%.
            Orders placed before stay.

            Steel
            Copper

            Item Price
            Bolt 0.10

              keep   spacing""");
  }

  @Test
  void decodesBytesAsTheirMetaCharsetSays() {
    String html = "<html><head><meta charset=\"windows-1252\"></head><body>Café</body></html>";
    byte[] bytes = html.getBytes(Charset.forName("windows-1252"));

    assertThat(reader.read(bytes, DocumentFormat.HTML)).isEqualTo("Café");
  }
}
