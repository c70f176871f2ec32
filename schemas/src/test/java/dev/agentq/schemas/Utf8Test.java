package dev.agentq.schemas;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

  private static byte[] withBytes(String hex) {
    byte[] inserted = java.util.HexFormat.of().parseHex(hex);
    byte[] head = "{\"agen".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "t\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + inserted.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(inserted, 0, all, head.length, inserted.length);
    System.arraycopy(tail, 0, all, head.length + inserted.length, tail.length);
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ff", "c0af", "eda080", "c328", "e282", "f8888080", "80", "feff"})
  void invalidSequencesAreMalformedEvenAfterTheParserHasWarmedUp(String hex) {
    for (int i = 0; i < 1000; i++) {
      Json.parse("{\"agent\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> Json.parse(withBytes(hex)))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("byte 7");
  }

  @Test
  void validMultiByteTextPasses() {
    assertThatCode(() -> Json.parse("{\"k\":\"ünïcödé ✓ 😀\"}".getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }
}
