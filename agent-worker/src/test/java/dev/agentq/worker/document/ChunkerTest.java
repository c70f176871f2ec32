package dev.agentq.worker.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static String sentences(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(n -> "Sentence number " + n + " ends here.")
        .collect(Collectors.joining(" "));
  }

  @Test
  void aShortTextIsOneChunk() {
    assertThat(new Chunker(100, 10).split("Short text.")).containsExactly(new TextSpan(0, 11));
  }

  @Test
  void cutsAtParagraphsFirst() {
    String first = "a".repeat(60);
    String text = first + "\n\n" + "b".repeat(30) + " " + "c".repeat(30);

    List<TextSpan> chunks = new Chunker(100, 0).split(text);

    assertThat(chunks.getFirst().of(text)).isEqualTo(first);
    assertThat(chunks.get(1).of(text)).startsWith("bbb");
  }

  @Test
  void cutsAtSentenceEndsAndOverlapsFromASentenceStart() {
    String text = sentences(40);

    List<TextSpan> chunks = new Chunker(200, 40).split(text);

    assertThat(chunks).hasSizeGreaterThan(5);
    for (int i = 0; i < chunks.size(); i++) {
      String chunk = chunks.get(i).of(text);
      assertThat(chunk.length()).isLessThanOrEqualTo(200);
      assertThat(chunk).startsWith("Sentence number");
      if (i < chunks.size() - 1) {
        assertThat(chunk).endsWith("ends here.");
        assertThat(chunks.get(i + 1).start())
            .as("chunk %d overlaps the one before", i + 1)
            .isLessThan(chunks.get(i).end());
      }
    }
    assertThat(chunks.getLast().end()).isEqualTo(text.length());
  }

  @Test
  void coversTheWholeTextAndIsDeterministic() {
    String text = sentences(300) + "\n\n" + "word ".repeat(500) + "x".repeat(1000);
    Chunker chunker = new Chunker(500, 50);

    List<TextSpan> chunks = chunker.split(text);

    assertThat(chunks.getFirst().start()).isZero();
    for (int i = 1; i < chunks.size(); i++) {
      assertThat(chunks.get(i).start()).isLessThanOrEqualTo(chunks.get(i - 1).end());
      assertThat(chunks.get(i).start()).isGreaterThan(chunks.get(i - 1).start());
    }
    assertThat(chunks.getLast().end()).isEqualTo(text.length());
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isBetween(1, 500));
    assertThat(chunker.split(text)).isEqualTo(chunks);
  }

  @Test
  void neverCutsASurrogatePair() {
    String text = "\uD83D\uDE00".repeat(100);

    List<TextSpan> chunks = new Chunker(51, 0).split(text);

    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length() % 2).isZero());
  }

  @Test
  void refusesAnOverlapOfHalfAChunkOrMore() {
    assertThatThrownBy(() -> new Chunker(100, 50)).isInstanceOf(IllegalArgumentException.class);
  }
}
