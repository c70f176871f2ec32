package dev.agentq.store.internal;

import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.Json;
import dev.agentq.store.Job;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Writes a job's dispatch message to the outbox, inside the caller's transaction. */
final class Dispatches {
  private Dispatches() {}

  static void write(Handle handle, Job job, String requestId, Instant now) {
    var message =
        DispatchMessage.of(job.id(), job.tenantId(), job.agent(), job.lane())
            .withRequestId(requestId);
    handle
        .attach(OutboxDao.class)
        .insertDispatches(
            List.of(job.lane().topic()),
            List.of(job.id().toString()),
            List.of(Json.toTree(message)),
            now);
  }
}
