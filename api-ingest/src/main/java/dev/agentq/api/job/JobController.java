package dev.agentq.api.job;

import dev.agentq.api.problem.ApiProblem;
import dev.agentq.schemas.JobAccepted;
import dev.agentq.schemas.JobRequest;
import dev.agentq.schemas.JobResultView;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.JobStatusView;
import dev.agentq.schemas.JobView;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/jobs}: submit a job, then read it, its status and its result. */
@RestController
@RequestMapping(path = "/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {
  /** Tenants and API keys come with authentication; until then every caller is this tenant. */
  static final String DEFAULT_TENANT = "default";

  private final JobSubmission submission;
  private final JobStore jobs;
  private final int maxBodyBytes;

  public JobController(JobSubmission submission, JobStore jobs, int maxBodyBytes) {
    this.submission = submission;
    this.jobs = jobs;
    this.maxBodyBytes = maxBodyBytes;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JobAccepted> submit(HttpServletRequest request) throws IOException {
    JobRequest body = JobRequest.parse(readBody(request));
    Job job = submission.submit(DEFAULT_TENANT, body);
    JobAccepted accepted = Views.accepted(job);
    return ResponseEntity.accepted().location(URI.create(accepted.links().self())).body(accepted);
  }

  @GetMapping("/{id}")
  JobView get(@PathVariable String id) {
    return Views.job(find(id));
  }

  @GetMapping("/{id}/status")
  JobStatusView status(@PathVariable String id) {
    Job job = find(id);
    return Views.status(job, jobs.countCheckpoints(job.id()));
  }

  /**
   * Cancels the job: a waiting job at once; a running one stops at its next step boundary (a model
   * call in flight is cut short), and its status shows {@code cancel_requested_at} until then.
   */
  @PostMapping("/{id}/cancel")
  JobStatusView cancel(@PathVariable String id) {
    Job job =
        JobIds.parse(id)
            .flatMap(uuid -> jobs.requestCancel(DEFAULT_TENANT, uuid))
            .orElseThrow(() -> ApiProblem.jobNotFound(id));
    if (job.status() == JobState.SUCCEEDED || job.status() == JobState.FAILED) {
      throw new ApiProblem(
          HttpStatus.CONFLICT,
          "job_already_ended",
          "Job already ended",
          "Job " + job.id() + " has already " + job.status().wire() + "; it cannot be cancelled.");
    }
    return Views.status(job, jobs.countCheckpoints(job.id()));
  }

  @GetMapping("/{id}/result")
  JobResultView result(@PathVariable String id) {
    Job job = find(id);
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

  private Job find(String id) {
    return JobIds.parse(id)
        .flatMap(uuid -> jobs.find(DEFAULT_TENANT, uuid))
        .orElseThrow(() -> ApiProblem.jobNotFound(id));
  }

  private byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ApiProblem tooLarge() {
    return new ApiProblem(
        HttpStatus.CONTENT_TOO_LARGE,
        "payload_too_large",
        "Payload too large",
        "The request body is over the limit of " + maxBodyBytes + " bytes.");
  }
}
