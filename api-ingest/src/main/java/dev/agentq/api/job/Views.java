package dev.agentq.api.job;

import dev.agentq.schemas.JobAccepted;
import dev.agentq.schemas.JobResultView;
import dev.agentq.schemas.JobStatusView;
import dev.agentq.schemas.JobSummaryView;
import dev.agentq.schemas.JobView;
import dev.agentq.schemas.Links;
import dev.agentq.schemas.StepView;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobSummary;
import java.util.List;

/** From stored records to the wire records of {@code schemas}. */
public final class Views {
  private Views() {}

  public static JobAccepted accepted(Job job) {
    return new JobAccepted(
        job.id(), job.status(), job.agent(), job.createdAt(), Links.of(job.id()));
  }

  static JobView job(Job job) {
    return new JobView(
        job.id(),
        job.agent(),
        job.status(),
        job.lane(),
        job.input(),
        job.metadata(),
        job.threadId(),
        job.webhookUrl(),
        job.attempt(),
        job.maxAttempts(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        job.error(),
        Links.of(job.id()));
  }

  static JobStatusView status(Job job, int stepsCompleted) {
    return new JobStatusView(
        job.id(),
        job.status(),
        job.agent(),
        job.attempt(),
        stepsCompleted,
        job.createdAt(),
        job.updatedAt(),
        job.startedAt(),
        job.finishedAt(),
        job.cancelRequestedAt(),
        job.error());
  }

  static JobResultView result(Job job, List<Checkpoint> checkpoints) {
    return new JobResultView(
        job.id(),
        job.status(),
        job.agent(),
        job.output(),
        job.error(),
        job.model(),
        job.usage(),
        checkpoints.stream().filter(Checkpoint::topLevel).map(Views::step).toList(),
        job.createdAt(),
        job.finishedAt());
  }

  static JobSummaryView summary(JobSummary job) {
    return new JobSummaryView(
        job.id(),
        job.agent(),
        job.status(),
        job.lane(),
        job.metadata(),
        job.attempt(),
        job.maxAttempts(),
        job.error(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        Links.of(job.id()));
  }

  static StepView step(Checkpoint checkpoint) {
    return new StepView(
        checkpoint.seq(),
        checkpoint.name(),
        checkpoint.kind().wire(),
        checkpoint.attempt(),
        checkpoint.model(),
        checkpoint.usage(),
        checkpoint.startedAt(),
        checkpoint.finishedAt(),
        checkpoint.duration().toMillis());
  }
}
