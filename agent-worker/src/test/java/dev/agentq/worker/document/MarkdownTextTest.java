package dev.agentq.worker.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  private static String read(String markdown) {
    return new DocumentReader(DocumentLimits.DEFAULT).read(markdown, DocumentFormat.MARKDOWN);
  }

  @Test
  void keepsTheWordsAndDropsTheMarkup() {
    String markdown =
        """
        Quarterly report
        ================

        ## Results ##

        Revenue grew **12%** to *4.1 M EUR*; see [the table](https://example.com/t "t") \
        and ![a chart](chart.png).
        Contact <ops@example.com> or `ops_team` ~~today~~ tomorrow; snake_case_names stay.

        > Quoted **line**.

        - first item
        * [x] done item
        12. numbered item

        | Region | Sales |
        |:-------|------:|
        | EMEA   | 1.2   |

        ---
        Text with <span class="x">inline html</span> and \\*escaped\\* stars.

        [the table]: https://example.com/t
        """;

    assertThat(read(markdown))
        .isEqualTo(
            """
            Quarterly report

            Results

            Revenue grew 12% to 4.1 M EUR; see the table and a chart.
            Contact ops@example.com or ops_team today tomorrow; snake_case_names stay.

            Quoted line.

            first item
            done item
            numbered item

            Region  Sales
            EMEA  1.2

            Text with inline html and *escaped* stars.""");
  }

  @Test
  void keepsCodeBlocksAsWritten() {
    String markdown = "Before.\n\n```java\nint x = a * b * c; // *not* emphasis\n```\n\nAfter.";

    assertThat(read(markdown))
        .isEqualTo("Before.\n\nint x = a * b * c; // *not* emphasis\n\nAfter.");
  }
}
