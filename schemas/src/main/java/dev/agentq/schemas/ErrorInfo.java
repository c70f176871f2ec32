package dev.agentq.schemas;

/**
 * Why a job failed.
 *
 * @param code stable machine-readable code, such as {@code model_error} or {@code lease_expired}
 * @param message what happened, for people
 * @param retryable whether running the job again could help
 * @param step the step that failed, when one did
 */
public record ErrorInfo(String code, String message, boolean retryable, String step) {}
