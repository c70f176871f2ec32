/** The wire contracts of batches: the view of a batch, its counts, refused lines and listing. */
package dev.agentq.schemas.batch;
