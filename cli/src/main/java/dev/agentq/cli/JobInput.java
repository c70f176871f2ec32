package dev.agentq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** {@code --input}: JSON given inline, or {@code @file}, or {@code @-} for standard input. */
final class JobInput {
  private JobInput() {}

  static JsonNode read(String argument, InputStream stdin) {
    String text;
    if (argument.startsWith("@")) {
      String name = argument.substring(1);
      try {
        text =
            name.equals("-")
                ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(name));
      } catch (IOException e) {
        throw CliException.usage("cannot read --input " + argument + ": " + e.getMessage());
      }
    } else {
      text = argument;
    }
    JsonNode input;
    try {
      input = Json.parse(text);
    } catch (RuntimeException e) {
      throw CliException.usage("--input is not JSON: " + firstLine(e.getMessage()));
    }
    if (input == null || !input.isObject()) {
      throw CliException.usage("--input must be a JSON object, such as {\"document\": \"...\"}");
    }
    return input;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
