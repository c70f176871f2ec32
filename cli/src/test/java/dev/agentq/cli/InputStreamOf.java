package dev.agentq.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

final class InputStreamOf {
  private InputStreamOf() {}

  static InputStream empty() {
    return InputStream.nullInputStream();
  }

  static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
