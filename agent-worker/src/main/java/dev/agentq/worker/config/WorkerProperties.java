package dev.agentq.worker.config;

import dev.agentq.worker.model.RetryPolicy;
import dev.agentq.worker.step.StepLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a worker ({@code agentq.worker.*}).
 *
 * @param capacity jobs one worker runs at once; at capacity it stops consuming
 * @param resumePercent consumption resumes when in-flight jobs fall to this share of capacity
 * @param batchPercent share of capacity (1 to 99 percent) batch jobs may use, never more, so that
 *     interactive jobs always find room
 * @param lease how long a claim lasts without a heartbeat; a crashed worker's jobs resume after it
 * @param heartbeat how often leases are renewed; well under {@code lease}
 * @param reaperInterval how often expired leases and stale queued jobs are looked for
 * @param dispatchTimeout a job queued this long with no message waiting is dispatched again
 * @param shutdownGrace on shutdown, how long running steps may take before their jobs are released
 * @param consumers Kafka consumer threads; claims are batched, so one is usually enough
 * @param id this worker's name in leases and logs; generated from host and process when empty
 * @param groupInstanceId static Kafka group membership: a worker restarted under the same id takes
 *     its partitions back at once instead of waiting for its old session to time out
 * @param stepTimeout how long one step, its model retries included, may take
 * @param jobTimeout how long after its submission a job may still start a step
 * @param maxToolCalls tool calls one step may make before the model must answer without tools
 * @param maxRepairs times a structured reply that does not fit is sent back to the model to fix
 * @param retryBackoff wait before a job's second attempt after a retryable failure; doubles after
 * @param retryBackoffMax longest wait between a job's attempts
 * @param tokenBudget model tokens (input and output) one job may spend over all its attempts; a
 *     long document is summarized only as far as it allows
 */
@ConfigurationProperties("agentq.worker")
public record WorkerProperties(
    @DefaultValue("1000") int capacity,
    @DefaultValue("80") int resumePercent,
    @DefaultValue("80") int batchPercent,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("10s") Duration heartbeat,
    @DefaultValue("5s") Duration reaperInterval,
    @DefaultValue("10m") Duration dispatchTimeout,
    @DefaultValue("20s") Duration shutdownGrace,
    @DefaultValue("1") int consumers,
    @DefaultValue("") String id,
    @DefaultValue("") String groupInstanceId,
    @DefaultValue("60s") Duration stepTimeout,
    @DefaultValue("1h") Duration jobTimeout,
    @DefaultValue("10") int maxToolCalls,
    @DefaultValue("2") int maxRepairs,
    @DefaultValue("5s") Duration retryBackoff,
    @DefaultValue("5m") Duration retryBackoffMax,
    @DefaultValue("200000") long tokenBudget) {

  public WorkerProperties {
    if (capacity < 1) {
      throw new IllegalArgumentException("agentq.worker.capacity must be at least 1");
    }
    if (batchPercent < 1 || batchPercent > 99) {
      throw new IllegalArgumentException("agentq.worker.batch-percent must be between 1 and 99");
    }
    if (heartbeat.compareTo(lease) >= 0) {
      throw new IllegalArgumentException("agentq.worker.heartbeat must be shorter than the lease");
    }
  }

  /** The bounds of each job's work. */
  public StepLimits limits() {
    return new StepLimits(stepTimeout, jobTimeout, maxToolCalls, maxRepairs, tokenBudget);
  }

  /** Backoff between a job's attempts. */
  public RetryPolicy jobRetries() {
    return new RetryPolicy(retryBackoff, retryBackoffMax, Integer.MAX_VALUE);
  }

  /** Batch jobs one worker runs at once at most. */
  public int batchCapacity() {
    return Math.max(1, capacity * batchPercent / 100);
  }

  /** In-flight count at or below which paused consumption resumes. */
  public int lowWater() {
    return Math.min(capacity - 1, capacity * resumePercent / 100);
  }
}
