package dev.agentq.store.batches;

/**
 * What asking to cancel a batch did.
 *
 * @param batch the batch afterwards
 * @param alreadyEnded it had ended before: nothing was changed
 */
public record BatchCancel(Batch batch, boolean alreadyEnded) {}
