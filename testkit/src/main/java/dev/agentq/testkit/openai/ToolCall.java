package dev.agentq.testkit.openai;

import java.util.Objects;

/**
 * One tool call in a scripted assistant {@link Reply}.
 *
 * @param id the tool-call id sent to the client; a fresh {@code "call_..."} id when {@code null}
 * @param name the function name
 * @param argumentsJson the function arguments as JSON text; {@code "{}"} when {@code null}
 */
public record ToolCall(String id, String name, String argumentsJson) {

  /** Requires a name, and fills in a generated id and empty arguments where they are missing. */
  public ToolCall {
    Objects.requireNonNull(name, "name");
    if (id == null) {
      id = Wire.newToolCallId();
    }
    if (argumentsJson == null) {
      argumentsJson = "{}";
    }
  }
}
