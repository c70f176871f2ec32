package dev.agentq.bench;

/**
 * The two series the concurrency run reads from a worker's {@code /actuator/prometheus}.
 *
 * @param inflight {@code agentq_worker_inflight}
 * @param heapUsedBytes the sum of {@code jvm_memory_used_bytes{area="heap"}} over the heap's pools
 */
record Scrape(long inflight, long heapUsedBytes) {

  static Scrape parse(String exposition) {
    double inflight = 0;
    double heap = 0;
    for (String line : exposition.split("\n")) {
      if (line.startsWith("agentq_worker_inflight")) {
        inflight = value(line);
      } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        heap += value(line);
      }
    }
    return new Scrape(Math.round(inflight), Math.round(heap));
  }

  /** The sample's value: the token after the series (an optional timestamp may follow). */
  private static double value(String line) {
    int labelsEnd = line.lastIndexOf('}');
    String rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).strip();
    return Double.parseDouble(rest.split(" ")[0]);
  }
}
