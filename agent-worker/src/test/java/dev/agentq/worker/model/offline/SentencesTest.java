package dev.agentq.worker.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
  @Test
  void splitsAtTerminalPunctuation() {
    assertThat(Sentences.split("It rained. Did it stop? Yes! Good."))
        .containsExactly("It rained.", "Did it stop?", "Yes!", "Good.");
  }

  @Test
  void keepsAbbreviationsInitialsAndNumbersTogether() {
    assertThat(
            Sentences.split(
                "Mr. Brown met Dr. Smith of Acme Inc. in the morning. Some fruit, e.g. Apples, "
                    + "cost $1.50 each. J. R. Tolkien wrote it."))
        .containsExactly(
            "Mr. Brown met Dr. Smith of Acme Inc. in the morning.",
            "Some fruit, e.g. Apples, cost $1.50 each.",
            "J. R. Tolkien wrote it.");
  }

  @Test
  void treatsLinesAsBoundariesButJoinsWrappedProse() {
    String text =
        "Quarterly Report\n"
            + "Revenue grew strongly in the third quarter of the year and\n"
            + "margins improved as well.\n\n"
            + "- first item\n"
            + "- second item\n"
            + "1. Term. The term is one year.";
    assertThat(Sentences.split(text))
        .containsExactly(
            "Quarterly Report",
            "Revenue grew strongly in the third quarter of the year and margins improved as well.",
            "- first item",
            "- second item",
            "1. Term.",
            "The term is one year.");
  }

  @Test
  void ignoresBlankAndPunctuationOnlyText() {
    assertThat(Sentences.split("")).isEmpty();
    assertThat(Sentences.split(" \n\n ... !! \n")).isEmpty();
  }
}
