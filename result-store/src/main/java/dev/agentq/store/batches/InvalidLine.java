package dev.agentq.store.batches;

/**
 * A line of an upload that was not made into a job.
 *
 * @param line its number, from 1
 * @param customId its {@code custom_id}, if it could be read
 * @param code why: {@code invalid_jsonl_line}, {@code unknown_agent}, {@code invalid_input}, {@code
 *     duplicate_custom_id} or {@code missing_custom_id}
 */
public record InvalidLine(int line, String customId, String code, String detail) {}
