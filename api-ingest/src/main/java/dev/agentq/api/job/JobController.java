package dev.agentq.api.job;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.problem.ApiProblem;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.api.web.RequestIds;
import dev.agentq.schemas.JobAccepted;
import dev.agentq.schemas.JobResultView;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.JobStatusView;
import dev.agentq.schemas.JobView;
import dev.agentq.schemas.StepListView;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.Submitted;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/jobs}: submit a job, then read it, its status, its result and its steps. */
@RestController
@RequestMapping(path = "/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {
  /** Request attribute naming the job a request created or read, for the request log. */
  public static final String JOB_ATTRIBUTE = "agentq.job_id";

  private final JobSubmission submission;
  private final JobStore jobs;
  private final TenantJobs tenantJobs;
  private final RequestBodies bodies;

  public JobController(
      JobSubmission submission, JobStore jobs, TenantJobs tenantJobs, RequestBodies bodies) {
    this.submission = submission;
    this.jobs = jobs;
    this.tenantJobs = tenantJobs;
    this.bodies = bodies;
  }

  @ApiDoc(
      summary = "Submit a job",
      description =
          "Validates the request and the agent's input, stores the job and queues it. With an"
              + " Idempotency-Key, the same key and body answer 200 with the same job. A"
              + " webhook_url the deployment refuses (not https, or not a public address)"
              + " answers 422 webhook_url_forbidden.",
      request = "job-request",
      answers = {
        @ApiDoc.Answer(status = 202, description = "Queued", schema = "job-accepted"),
        @ApiDoc.Answer(
            status = 200,
            description = "Replayed: this key made this job",
            schema = "job-accepted")
      },
      problems = {400, 409, 413, 415, 422})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JobAccepted> submit(
      Caller caller,
      HttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
      throws IOException {
    byte[] body = bodies.read(request);
    Submitted submitted = submission.submit(caller, body, idempotencyKey, RequestIds.of(request));
    return switch (submitted) {
      case Submitted.Accepted accepted -> answer(request, HttpStatus.ACCEPTED, accepted.job());
      case Submitted.Replayed replayed ->
          ResponseEntity.status(HttpStatus.OK)
              .header("Idempotent-Replayed", "true")
              .location(URI.create(Views.accepted(replayed.job()).links().self()))
              .body(note(request, Views.accepted(replayed.job())));
      case Submitted.KeyReused reused ->
          throw Codes.idempotencyKeyReused(reused.jobId().toString());
      case Submitted.QueueFull full -> throw Codes.queueFull(full.limit());
    };
  }

  static ResponseEntity<JobAccepted> answer(
      HttpServletRequest request, HttpStatus status, Job job) {
    JobAccepted accepted = note(request, Views.accepted(job));
    return ResponseEntity.status(status)
        .location(URI.create(accepted.links().self()))
        .body(accepted);
  }

  private static JobAccepted note(HttpServletRequest request, JobAccepted accepted) {
    request.setAttribute(JOB_ATTRIBUTE, accepted.id().toString());
    return accepted;
  }

  @ApiDoc(
      summary = "Read a job",
      answers = @ApiDoc.Answer(status = 200, description = "The job", schema = "job"),
      problems = 404)
  @GetMapping("/{id}")
  JobView get(Caller caller, @PathVariable String id) {
    return Views.job(tenantJobs.find(caller, id));
  }

  @ApiDoc(
      summary = "Read a job's status",
      answers =
          @ApiDoc.Answer(status = 200, description = "Where it stands", schema = "job-status"),
      problems = 404)
  @GetMapping("/{id}/status")
  JobStatusView status(Caller caller, @PathVariable String id) {
    Job job = tenantJobs.find(caller, id);
    return Views.status(job, jobs.countCheckpoints(job.id()));
  }

  @ApiDoc(
      summary = "Cancel a job",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description =
                  "Cancelled, or cancelling: a running job stops at its next step boundary",
              schema = "job-status"),
      problems = {404, 409})
  @PostMapping("/{id}/cancel")
  JobStatusView cancel(Caller caller, @PathVariable String id) {
    Job job =
        JobIds.parse(id)
            .flatMap(uuid -> jobs.requestCancel(caller.tenantId(), uuid))
            .orElseThrow(() -> Codes.jobNotFound(id));
    if (job.status() == JobState.SUCCEEDED || job.status() == JobState.FAILED) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "job_already_ended",
          "Job already ended",
          "Job " + job.id() + " has already " + job.status().wire() + "; it cannot be cancelled.");
    }
    return Views.status(job, jobs.countCheckpoints(job.id()));
  }

  @ApiDoc(
      summary = "Read a job's result",
      answers =
          @ApiDoc.Answer(status = 200, description = "Output or error", schema = "job-result"),
      problems = {404, 409})
  @GetMapping("/{id}/result")
  JobResultView result(Caller caller, @PathVariable String id) {
    Job job = tenantJobs.find(caller, id);
    if (!job.status().isFinal()) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "result_not_ready",
          "Result not ready",
          "Job "
              + job.id()
              + " is "
              + job.status().wire()
              + "; poll its status until it has ended.");
    }
    return Views.result(job, jobs.checkpoints(job.id()));
  }

  @ApiDoc(
      summary = "List a job's checkpointed steps",
      answers = @ApiDoc.Answer(status = 200, description = "The timeline", schema = "step-list"),
      problems = 404)
  @GetMapping("/{id}/steps")
  StepListView steps(Caller caller, @PathVariable String id) {
    Job job = tenantJobs.find(caller, id);
    // Top-level work only: a step carries the tokens of the calls made inside it.
    return StepListView.of(
        job.id(),
        jobs.checkpoints(job.id()).stream().filter(Checkpoint::topLevel).map(Views::step).toList());
  }
}
