package dev.agentq.store;

import java.util.UUID;

/** A checkpoint to record for the attempt that holds the job. */
public record StepWrite(UUID jobId, int attempt, Checkpoint checkpoint) {}
