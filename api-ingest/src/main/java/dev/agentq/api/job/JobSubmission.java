package dev.agentq.api.job;

import dev.agentq.api.problem.ApiProblem;
import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.JobRequest;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Violation;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.NewJob;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Accepts a job: checks the agent and its input, then stores the job and its dispatch message in
 * one transaction and nudges the outbox relay. Kafka being down never loses an accepted job.
 */
public final class JobSubmission {
  private final JobStore jobs;
  private final JobIds ids;
  private final Runnable onSubmitted;
  private final int maxAttempts;

  /**
   * @param onSubmitted called after the transaction commits, to publish without waiting a poll
   */
  public JobSubmission(JobStore jobs, JobIds ids, Runnable onSubmitted, int maxAttempts) {
    this.jobs = jobs;
    this.ids = ids;
    this.onSubmitted = onSubmitted;
    this.maxAttempts = maxAttempts;
  }

  public Job submit(String tenant, JobRequest request) {
    AgentCatalog.Entry agent =
        AgentCatalog.find(request.agent())
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.BAD_REQUEST,
                        "unknown_agent",
                        "Unknown agent",
                        "There is no agent named '"
                            + request.agent()
                            + "'; GET /v1/agents lists them.",
                        List.of(new Violation("/agent", "no such agent"))));
    List<Violation> violations =
        AgentCatalog.inputViolations(agent, request.input()).stream()
            .map(v -> new Violation("/input" + v.pointer(), v.message()))
            .toList();
    if (!violations.isEmpty()) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "invalid_input",
          "Invalid input",
          "The input does not match the input schema of agent '" + agent.name() + "'.",
          violations);
    }
    Job job =
        jobs.submit(
            new NewJob(
                ids.next(),
                tenant,
                agent.name(),
                Lane.INTERACTIVE,
                request.input(),
                request.threadId(),
                request.webhookUrl(),
                request.metadata(),
                maxAttempts));
    onSubmitted.run();
    return job;
  }
}
