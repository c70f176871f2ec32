package dev.agentq.worker.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of an HTML page, read with jsoup: its title, then the text of its body with
 * blocks (paragraphs, headings, list items, table rows) on lines of their own; scripts, styles and
 * hidden elements left out.
 */
final class HtmlText {
  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "div",
          "section",
          "article",
          "blockquote",
          "pre",
          "ul",
          "ol",
          "dl",
          "table",
          "header",
          "footer",
          "main",
          "aside",
          "nav",
          "figure",
          "form",
          "hr",
          "address",
          "details",
          "summary");
  private static final Set<String> LINES = Set.of("br", "li", "tr", "dt", "dd", "caption");
  private static final Set<String> CELLS = Set.of("td", "th");
  private static final String INVISIBLE =
      "script, style, noscript, template, svg, canvas, iframe, object, [hidden],"
          + " [style~=(?i)display\\s*:\\s*none], [style~=(?i)visibility\\s*:\\s*hidden]";

  private HtmlText() {}

  /** Bytes are decoded as their byte-order mark or {@code <meta charset>} say, else as UTF-8. */
  static String read(byte[] bytes) {
    try {
      return read(Jsoup.parse(new ByteArrayInputStream(bytes), null, ""));
    } catch (IOException e) {
      throw DocumentException.unreadable("not readable HTML (" + e.getMessage() + ")", e);
    }
  }

  static String read(String html) {
    return read(Jsoup.parse(html));
  }

  private static String read(Document page) {
    page.select(INVISIBLE).remove();
    StringBuilder text = new StringBuilder();
    if (!page.title().isBlank()) {
      text.append(page.title().strip()).append("\n\n");
    }
    NodeTraversor.traverse(new Visible(text), page.body());
    return text.toString();
  }

  /** Appends text nodes, and line breaks around blocks. */
  private record Visible(StringBuilder text) implements NodeVisitor {
    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        boolean preformatted = t.parent() instanceof Element parent && parent.nameIs("pre");
        text.append(preformatted ? t.getWholeText() : t.text());
      } else if (node instanceof Element e) {
        separate(e.normalName());
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && !e.nameIs("br")) {
        separate(e.normalName());
      }
    }

    private void separate(String name) {
      if (PARAGRAPHS.contains(name)) {
        breakLines(2);
      } else if (LINES.contains(name)) {
        breakLines(1);
      } else if (CELLS.contains(name) && !text.isEmpty()) {
        char last = text.charAt(text.length() - 1);
        if (last != ' ' && last != '\n') {
          text.append(' ');
        }
      }
    }

    /** Ends the text with {@code count} line breaks, counting those it already ends with. */
    private void breakLines(int count) {
      int present = 0;
      while (present < text.length() && text.charAt(text.length() - 1 - present) == '\n') {
        present++;
      }
      if (!text.isEmpty()) {
        text.append("\n".repeat(Math.max(0, count - present)));
      }
    }
  }
}
