package dev.agentq.worker.agent.digest;

import dev.agentq.worker.model.TokenEstimate;

/**
 * Whether the job's token budget allows summarizing one more chunk: the chunk's request and reply,
 * and then the final summary over one more part, must fit in what is left. The estimate is from
 * sizes (four characters to a token) and generous for replies; what is left comes from recorded
 * usage, so the decision is the same when a job is replayed.
 */
final class DigestBudget {
  /** Characters of instructions, tags and JSON around a document in a request. */
  static final int PROMPT_CHARS = 500;

  /** Most characters a part's summary adds to the final request: three sentences, five points. */
  static final int PART_CHARS = 1_600;

  /** Tokens reserved for a summary reply. */
  static final int REPLY_TOKENS = 500;

  private DigestBudget() {}

  /**
   * @param tokensLeft what the job may still spend
   * @param chunkChars the length of the next chunk
   * @param partsChars the length of the parts' summaries read so far, as the final request has them
   */
  static boolean allowsChunk(long tokensLeft, int chunkChars, int partsChars) {
    long part = TokenEstimate.ofChars(PROMPT_CHARS + chunkChars) + REPLY_TOKENS;
    long combine =
        TokenEstimate.ofChars(PROMPT_CHARS + (long) partsChars + PART_CHARS) + REPLY_TOKENS;
    return part + combine <= tokensLeft;
  }
}
