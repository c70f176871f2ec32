package dev.agentq.testkit.openai;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a reply as OpenAI streams it: Server-Sent Events of {@code chat.completion.chunk} objects,
 * a final chunk with the finish reason, an optional usage chunk, then {@code data: [DONE]}.
 */
final class SseWriter {

  private static final int MAX_PIECE = 16;

  private SseWriter() {}

  static void write(HttpExchange exchange, Wire.Meta meta, RecordedRequest request, Reply reply)
      throws IOException {
    boolean usage = request.body().path("stream_options").path("include_usage").asBoolean(false);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (ObjectNode delta : deltas(reply)) {
        send(out, Wire.chunk(meta, delta, null, usage));
      }
      send(out, Wire.chunk(meta, Wire.MAPPER.createObjectNode(), Wire.finishReason(reply), usage));
      if (usage) {
        send(out, Wire.usageChunk(meta, request, reply));
      }
      out.write("data: [DONE]\n\n".getBytes(UTF_8));
    }
  }

  /** The deltas before the final chunk: the role, then content pieces or tool-call fragments. */
  static List<ObjectNode> deltas(Reply reply) {
    List<ObjectNode> deltas = new ArrayList<>();
    ObjectNode first = Wire.MAPPER.createObjectNode().put("role", "assistant");
    deltas.add(first);
    if (reply.kind != Reply.Kind.TOOL_CALLS) {
      first.put("content", "").putNull("refusal");
      for (String piece : pieces(reply.content)) {
        deltas.add(Wire.MAPPER.createObjectNode().put("content", piece));
      }
      return deltas;
    }
    first.putNull("content").putNull("refusal");
    for (int i = 0; i < reply.toolCalls.size(); i++) {
      ToolCall call = reply.toolCalls.get(i);
      ObjectNode start = Wire.MAPPER.createObjectNode();
      ObjectNode head = start.putArray("tool_calls").addObject().put("index", i);
      head.put("id", call.id()).put("type", "function");
      head.putObject("function").put("name", call.name()).put("arguments", "");
      deltas.add(start);
      for (String piece : pieces(call.argumentsJson())) {
        ObjectNode fragment = Wire.MAPPER.createObjectNode();
        ObjectNode entry = fragment.putArray("tool_calls").addObject().put("index", i);
        entry.putObject("function").put("arguments", piece);
        deltas.add(fragment);
      }
    }
    return deltas;
  }

  /**
   * Splits text into word-sized pieces (whitespace stays with the word before it) of at most 16
   * characters, never between the halves of a surrogate pair; concatenated they give the text back.
   */
  static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    for (String word : text.split("(?<=\\s)")) {
      int start = 0;
      while (start < word.length()) {
        int end = Math.min(word.length(), start + MAX_PIECE);
        if (end < word.length() && Character.isHighSurrogate(word.charAt(end - 1))) {
          end--;
        }
        pieces.add(word.substring(start, end));
        start = end;
      }
    }
    return pieces;
  }

  private static void send(OutputStream out, ObjectNode chunk) throws IOException {
    out.write("data: ".getBytes(UTF_8));
    out.write(Wire.bytes(chunk));
    out.write("\n\n".getBytes(UTF_8));
    out.flush();
  }
}
