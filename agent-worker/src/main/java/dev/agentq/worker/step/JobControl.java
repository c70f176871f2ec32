package dev.agentq.worker.step;

import dev.agentq.worker.model.ModelCallInterruptedException;

/**
 * How the worker reaches a running job from outside: it may ask it to stop at its next boundary,
 * and a cancellation also interrupts a model call in flight. Only model calls are interrupted,
 * never a database write, so that a connection is never broken mid-transaction.
 */
public final class JobControl {
  private volatile StopReason stopReason;
  private Thread caller;
  private boolean inModelCall;

  /** Why the job must stop, or null while it may go on. */
  public StopReason stopReason() {
    return stopReason;
  }

  /** Asks the job to stop; a cancellation also cuts a model call short. */
  public synchronized void stop(StopReason reason) {
    if (stopReason == null || reason == StopReason.CANCELLED) {
      stopReason = reason;
    }
    if (reason == StopReason.CANCELLED && inModelCall) {
      caller.interrupt();
    }
  }

  synchronized void enterModelCall() {
    if (stopReason == StopReason.CANCELLED) {
      throw new ModelCallInterruptedException(new InterruptedException("cancelled"));
    }
    caller = Thread.currentThread();
    inModelCall = true;
  }

  synchronized void exitModelCall() {
    inModelCall = false;
    // An interrupt meant for the model call must not break the database work that follows.
    Thread.interrupted();
  }
}
