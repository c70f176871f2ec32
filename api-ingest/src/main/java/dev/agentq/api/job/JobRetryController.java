package dev.agentq.api.job;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestIds;
import dev.agentq.schemas.JobAccepted;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/jobs/{id}/retry}: a failed job runs again from its last checkpoint, with a new
 * budget of attempts. Finished steps are not run again.
 */
@RestController
public class JobRetryController {
  private final JobStore jobs;
  private final TenantJobs tenantJobs;
  private final int maxAttempts;
  private final Runnable onRetried;

  /**
   * @param maxAttempts attempts the job gets anew
   * @param onRetried called once the job is queued again, to publish without waiting a poll
   */
  public JobRetryController(
      JobStore jobs, TenantJobs tenantJobs, int maxAttempts, Runnable onRetried) {
    this.jobs = jobs;
    this.tenantJobs = tenantJobs;
    this.maxAttempts = maxAttempts;
    this.onRetried = onRetried;
  }

  @ApiDoc(
      summary = "Retry a failed job",
      description = "It runs again from its last checkpoint, with a new budget of attempts.",
      answers = @ApiDoc.Answer(status = 202, description = "Queued again", schema = "job-accepted"),
      problems = {404, 409})
  @PostMapping(path = "/v1/jobs/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<JobAccepted> retry(
      Caller caller, @PathVariable String id, HttpServletRequest request) {
    Job job = tenantJobs.find(caller, id);
    Job retried =
        jobs.retry(caller.tenantId(), job.id(), maxAttempts, RequestIds.of(request))
            .orElseThrow(
                () ->
                    Codes.jobNotRetryable(
                        id,
                        jobs.find(caller.tenantId(), job.id())
                            .map(current -> current.status().wire())
                            .orElse(job.status().wire())));
    onRetried.run();
    return JobController.answer(request, HttpStatus.ACCEPTED, retried);
  }
}
