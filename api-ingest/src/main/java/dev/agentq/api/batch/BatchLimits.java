package dev.agentq.api.batch;

/**
 * How big one batch may be.
 *
 * @param maxLines non-blank lines in one upload
 * @param maxBytes bytes in one upload
 * @param maxLineChars characters in one line; a longer line is refused alone
 */
public record BatchLimits(int maxLines, long maxBytes, int maxLineChars) {

  /** 100,000 lines, 200 MiB, and lines as long as a single submit's body may be. */
  public static BatchLimits standard(int maxLineChars) {
    return new BatchLimits(100_000, 200L * 1024 * 1024, maxLineChars);
  }
}
