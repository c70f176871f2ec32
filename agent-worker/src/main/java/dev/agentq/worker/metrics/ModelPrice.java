package dev.agentq.worker.metrics;

/**
 * What a model's tokens cost, in US dollars per million.
 *
 * @param inputPerMillion price of a million input (prompt) tokens
 * @param outputPerMillion price of a million output (completion) tokens
 */
public record ModelPrice(double inputPerMillion, double outputPerMillion) {
  public double cost(long inputTokens, long outputTokens) {
    return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000;
  }
}
