package dev.agentq.worker.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArithmeticTest {
  private static String find(String question) {
    return Arithmetic.find(question).orElse(null);
  }

  @Test
  void findsTheExpressionInAQuestion() {
    assertThat(find("What is (1200 - 150) * 0.2?")).isEqualTo("(1200 - 150) * 0.2");
    assertThat(find("Calculate 2^10 + sqrt(16), please.")).isEqualTo("2^10 + sqrt(16)");
    assertThat(find("What is 10 % 3?")).isEqualTo("10 % 3");
    assertThat(find("What is -5 * 3?")).isEqualTo("-5 * 3");
    assertThat(find("Is it 3 * (4 + 5) or 2 + 2?")).isEqualTo("3 * (4 + 5)");
  }

  @Test
  void rewritesWordsAndSymbolsAsOperators() {
    assertThat(find("compute 17% of 250")).isEqualTo("250 * 17 / 100");
    assertThat(find("What is 20% of 1200 minus 150?")).isEqualTo("1200 * 20 / 100 - 150");
    assertThat(find("What is 2 plus 3 times 4?")).isEqualTo("2 + 3 * 4");
    assertThat(find("What is 12 divided by 4?")).isEqualTo("12 / 4");
    assertThat(find("What is the square root of 81?")).isEqualTo("sqrt(81)");
    assertThat(find("How much is $1,200 × 3?")).isEqualTo("1200 * 3");
    assertThat(find("2 to the power of 8")).isEqualTo("2 ^ 8");
  }

  @Test
  void aBareDashOrSlashCountsOnlyWhenTheQuestionIsAboutNothingElse() {
    assertThat(find("What is 1200-150?")).isEqualTo("1200-150");
    assertThat(find("Calculate 9/3")).isEqualTo("9/3");
    assertThat(find("What happened on 2026-03-01?")).isNull();
    assertThat(find("What does invoice INV-2026-001 say?")).isNull();
    assertThat(find("What do pages 3-5 of the contract cover?")).isNull();
    assertThat(find("Call (555) 123-4567 about the order")).isNull();
  }

  @Test
  void findsNothingWithoutAnOperator() {
    assertThat(find("Who approves expenses?")).isNull();
    assertThat(find("What was the revenue in Q3 2026?")).isNull();
    assertThat(find("What is 5% of the revenue?")).isNull();
    assertThat(find("Version 3.2.1 of the spec")).isNull();
    assertThat(find("What is 3x?")).isNull();
    assertThat(find("")).isNull();
  }

  @Test
  void oddInputIsHandled() {
    assertThat(find("(".repeat(5_000) + "1 + 1")).isEqualTo("1 + 1");
    assertThat(find("1 + ".repeat(2_000))).as("too long for the calculator").isNull();
    assertThat(find("1 + ".repeat(100) + "1")).hasSize(401);
    assertThat(find("- - - 1 - - 2")).isEqualTo("- - - 1 - - 2");
    assertThat(find("sqrt sqrt( 4 ) )")).isEqualTo("sqrt( 4 )");
  }
}
