package dev.agentq.worker.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SummaryTest {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private final OfflineChatModel model = new OfflineChatModel();

  private JsonNode summarize(String document) {
    String text = model.chat(Requests.structured(Requests.SUMMARY, document)).aiMessage().text();
    return Requests.parse(text);
  }

  @Test
  void summaryIsExtractiveOrderedAndShort() {
    for (String document : new String[] {Documents.ARTICLE, Documents.GERMAN, Documents.CONTRACT}) {
      String flat = Texts.collapse(document);
      JsonNode reply = summarize(document);
      assertThat(reply.propertyNames()).containsExactly("summary", "key_points");
      String summary = reply.get("summary").asString();
      assertThat(summary).isNotBlank().hasSizeLessThanOrEqualTo(600);

      List<String> sentences = List.of(SENTENCE_END.split(summary));
      assertThat(sentences).hasSizeBetween(1, 3);
      int previous = -1;
      for (String sentence : sentences) {
        int at = flat.indexOf(sentence);
        assertThat(at).as("'%s' is a sentence of the document", sentence).isGreaterThan(previous);
        previous = at;
      }
    }
  }

  @Test
  void keyPointsAreDistinctSentencesOfTheDocument() {
    String flat = Texts.collapse(Documents.ARTICLE);
    JsonNode points = summarize(Documents.ARTICLE).get("key_points");
    assertThat(points.size()).isBetween(1, 5);
    List<String> texts = new ArrayList<>();
    for (JsonNode point : points.values()) {
      String text = point.asString();
      assertThat(text).hasSizeLessThanOrEqualTo(160);
      assertThat(flat).contains(text.endsWith("...") ? text.substring(0, 100) : text);
      texts.add(text);
    }
    assertThat(texts).doesNotHaveDuplicates();
  }

  @Test
  void theArticleSummaryPicksItsCentralSentences() {
    String summary = summarize(Documents.ARTICLE).get("summary").asString();
    assertThat(summary).startsWith("Solar power is changing how cities plan their energy supply.");
  }

  @Test
  void aOneSentenceDocumentIsItsOwnSummary() {
    JsonNode reply = summarize("The board approved the budget for 2026.");
    assertThat(reply.get("summary").asString())
        .isEqualTo("The board approved the budget for 2026.");
    assertThat(reply.get("key_points").values())
        .extracting(JsonNode::asString)
        .containsExactly("The board approved the budget for 2026.");
  }

  @Test
  void textWithoutTagsIsSummarisedWhole() {
    String untagged =
        model
            .chat(Requests.plain("Short note without tags. It has two sentences."))
            .aiMessage()
            .text();
    assertThat(untagged).isIn("Short note without tags.", "It has two sentences.");
  }

  @Test
  void summariesAreDeterministic() {
    String first = summarize(Documents.ARTICLE).toString();
    for (int i = 0; i < 5; i++) {
      assertThat(summarize(Documents.ARTICLE).toString()).isEqualTo(first);
    }
  }
}
