package dev.agentq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/** The base64 text of another stream, encoded a chunk at a time as it is read. */
final class Base64InputStream extends InputStream {
  /** A multiple of 3, so that only the last chunk is padded. */
  private static final int CHUNK = 3 * 16 * 1024;

  private final InputStream raw;
  private final Base64.Encoder encoder = Base64.getEncoder();
  private byte[] encoded = new byte[0];
  private int position;
  private boolean ended;

  Base64InputStream(InputStream raw) {
    this.raw = raw;
  }

  @Override
  public int read() throws IOException {
    if (position >= encoded.length && !fill()) {
      return -1;
    }
    return encoded[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position >= encoded.length && !fill()) {
      return -1;
    }
    int count = Math.min(length, encoded.length - position);
    System.arraycopy(encoded, position, buffer, offset, count);
    position += count;
    return count;
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    byte[] chunk = raw.readNBytes(CHUNK);
    if (chunk.length < CHUNK) {
      ended = true;
    }
    if (chunk.length == 0) {
      return false;
    }
    encoded = encoder.encode(chunk);
    position = 0;
    return true;
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
