package dev.agentq.schemas;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, checked before JSON is parsed: the parser lets overlong forms through (such as
 * {@code C0 AF} for {@code /}) and, once its name table is warm, can drop bytes that are never
 * UTF-8 (such as {@code FF}) from property names. JSON on the wire is UTF-8 (RFC 8259), so anything
 * else is malformed.
 */
final class Utf8 {
  private static final int CHUNK = 8192;

  private Utf8() {}

  static void requireValid(byte[] bytes) {
    if (ascii(bytes)) {
      return;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    while (true) {
      CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
      if (result.isError()) {
        throw new MalformedJsonException(
            "not valid JSON at byte " + (in.position() + 1) + ": it is not valid UTF-8", null);
      }
      if (result.isUnderflow() && !in.hasRemaining()) {
        if (decoder.flush(out.clear()).isError()) {
          throw new MalformedJsonException(
              "not valid JSON at its end: it is not valid UTF-8", null);
        }
        return;
      }
      out.clear();
    }
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
