package dev.agentq.store.schedule;

import dev.agentq.store.StoreException;
import java.time.Instant;
import java.util.UUID;

/**
 * A scheduler tried to move a schedule on from a tick that another writer had already moved it
 * from, or paused it meanwhile. Nothing of this attempt was kept; the tick ran (or will run) once,
 * elsewhere.
 */
public final class TickTakenException extends StoreException {
  private static final long serialVersionUID = 1L;

  public TickTakenException(UUID scheduleId, Instant tick) {
    super(
        "the tick "
            + tick
            + " of schedule "
            + scheduleId
            + " was taken by another writer; this attempt was rolled back");
  }
}
