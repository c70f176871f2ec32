package dev.agentq.api.schedule;

import dev.agentq.api.job.JobSubmission;
import dev.agentq.api.problem.ApiProblem;
import dev.agentq.api.problem.Codes;
import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.JobRequest;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Violation;
import dev.agentq.schemas.schedule.BatchTemplate;
import dev.agentq.schemas.schedule.ScheduleRequest;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a schedule request as POST /v1/schedules takes it: the cron expression, the time zone, and
 * the template, a job exactly as POST /v1/jobs checks one, or a batch of a directory inside the
 * documents directory.
 */
public final class ScheduleDefinition {
  private final WebhookUrlPolicy webhookPolicy;
  private final DocumentsDirectory documents;

  public ScheduleDefinition(WebhookUrlPolicy webhookPolicy, DocumentsDirectory documents) {
    this.webhookPolicy = webhookPolicy;
    this.documents = documents;
  }

  /** What to store: the template as it will be read at each tick. */
  record Checked(CronSchedule cron, ZoneId zone, ObjectNode template) {}

  Checked check(ScheduleRequest request) {
    ZoneId zone =
        CronSchedule.zone(request.timeZone())
            .orElseThrow(() -> Codes.unknownTimeZone(request.timeZone()));
    CronSchedule cron;
    try {
      cron = CronSchedule.parse(request.cron(), zone);
    } catch (IllegalArgumentException e) {
      throw Codes.invalidCron(request.cron(), e.getMessage());
    }
    if (cron.nextAfter(Instant.EPOCH).isEmpty()) {
      throw Codes.invalidCron(request.cron(), "it never matches a date");
    }
    ObjectNode template = Json.object();
    if (request.job() != null) {
      template.set("job", job(request));
    } else {
      template.set("batch", Json.toTree(batch(request.batch())));
    }
    return new Checked(cron, zone, template);
  }

  private ObjectNode job(ScheduleRequest request) {
    JobRequest job = Json.convert(request.job(), JobRequest.class);
    try {
      JobSubmission.agent(job);
    } catch (ApiProblem problem) {
      throw under("/job", problem);
    }
    if (job.webhookUrl() != null) {
      Optional<String> refused = webhookPolicy.problem(job.webhookUrl());
      if (refused.isPresent()) {
        throw Codes.webhookUrlForbidden("/job/webhook_url", refused.get());
      }
    }
    return (ObjectNode) request.job().deepCopy();
  }

  private BatchTemplate batch(BatchTemplate batch) {
    AgentCatalog.Entry agent =
        AgentCatalog.find(batch.agent())
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.BAD_REQUEST,
                        "unknown_agent",
                        "Unknown agent",
                        "There is no agent named '"
                            + batch.agent()
                            + "'; GET /v1/agents lists them.",
                        List.of(new Violation("/batch/agent", "no such agent"))));
    ObjectNode input = Json.object().put("file", "example.pdf");
    if (!AgentCatalog.inputViolations(agent, input).isEmpty()) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "invalid_input",
          "Invalid input",
          "Agent '" + agent.name() + "' takes no file reference as input ({\"file\": path}).",
          List.of(new Violation("/batch/agent", "takes no {\"file\": path} input")));
    }
    try {
      DocumentsDirectory.matcher(batch.pattern());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "invalid_request",
          "Invalid request",
          "The pattern is not a glob: " + e.getMessage(),
          List.of(new Violation("/batch/pattern", "not a glob such as *.pdf")));
    }
    documents.resolve(batch.directory());
    return batch;
  }

  /** The same problem, its pointers under {@code prefix}. */
  private static ApiProblem under(String prefix, ApiProblem problem) {
    return new ApiProblem(
        problem.status(),
        problem.code(),
        problem.title(),
        problem.getMessage(),
        problem.violations().stream()
            .map(v -> new Violation(prefix + v.pointer(), v.message()))
            .toList());
  }
}
