package dev.agentq.api.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Counts the bytes read and throws once there are more than allowed. */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final Supplier<RuntimeException> tooLarge;
  private long count;

  LimitedInputStream(InputStream in, long limit, Supplier<RuntimeException> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  private void counted(long n) {
    count += n;
    if (count > limit) {
      throw tooLarge.get();
    }
  }
}
