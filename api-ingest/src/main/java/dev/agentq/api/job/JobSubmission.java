package dev.agentq.api.job;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.problem.ApiProblem;
import dev.agentq.api.problem.Codes;
import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.JobRequest;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonDigest;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Violation;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.store.NewJob;
import dev.agentq.store.Submission;
import dev.agentq.store.SubmissionStore;
import dev.agentq.store.Submitted;
import dev.agentq.telemetry.Tracing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Accepts a job: checks the request, the agent, its input and its {@code webhook_url}, then stores
 * the job, its dispatch message and its idempotency key in one transaction and nudges the outbox
 * relay. Kafka being down never loses an accepted job, and a model provider being down never blocks
 * a submit.
 */
public final class JobSubmission {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final SubmissionStore submissions;
  private final JobIds ids;
  private final Runnable onSubmitted;
  private final int maxAttempts;
  private final Duration keyLifetime;
  private final WebhookUrlPolicy webhookPolicy;

  /**
   * @param onSubmitted called after the transaction commits, to publish without waiting a poll
   * @param webhookPolicy where a job's {@code webhook_url} may point
   */
  public JobSubmission(
      SubmissionStore submissions,
      JobIds ids,
      Runnable onSubmitted,
      int maxAttempts,
      Duration keyLifetime,
      WebhookUrlPolicy webhookPolicy) {
    this.submissions = submissions;
    this.ids = ids;
    this.onSubmitted = onSubmitted;
    this.maxAttempts = maxAttempts;
    this.keyLifetime = keyLifetime;
    this.webhookPolicy = webhookPolicy;
  }

  /**
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @param requestId the request's correlation id
   */
  public Submitted submit(Caller caller, byte[] body, String idempotencyKey, String requestId) {
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw Codes.invalidHeader("Idempotency-Key", "1 to 255 visible ASCII characters");
    }
    JsonNode tree = Json.parse(body);
    JobRequest request = JobRequest.from(tree);
    AgentCatalog.Entry agent = agent(request);
    if (request.webhookUrl() != null) {
      // Last, as it may ask DNS: the worker checks again before every attempt.
      Optional<String> refused = webhookPolicy.problem(request.webhookUrl());
      if (refused.isPresent()) {
        throw Codes.webhookUrlForbidden("/webhook_url", refused.get());
      }
    }
    NewJob job =
        new NewJob(
            ids.next(),
            caller.tenantId(),
            agent.name(),
            Lane.INTERACTIVE,
            request.input(),
            request.threadId(),
            request.webhookUrl(),
            request.metadata(),
            maxAttempts);
    Submitted submitted =
        submissions.submit(
            new Submission(
                job,
                idempotencyKey,
                idempotencyKey == null ? null : JsonDigest.sha256(tree),
                requestId,
                caller.maxQueuedJobs(),
                Tracing.currentTraceparent()),
            keyLifetime);
    if (submitted instanceof Submitted.Accepted) {
      onSubmitted.run();
    }
    return submitted;
  }

  /**
   * The request's agent, once its input conforms to the agent's input schema; else {@code
   * unknown_agent} or {@code invalid_input}. Schedules check their job template with it too.
   */
  public static AgentCatalog.Entry agent(JobRequest request) {
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
    return agent;
  }
}
