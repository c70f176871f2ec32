/**
 * Postgres storage of agentq: jobs, their checkpointed steps, their events and the outbox. Every
 * write a worker makes names the attempt it holds, and is rejected with {@link
 * dev.agentq.store.LeaseLostException} once another attempt has taken the job.
 */
package dev.agentq.store;
