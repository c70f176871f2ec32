package dev.agentq.api.job;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.schemas.JobListView;
import dev.agentq.store.JobPage;
import dev.agentq.store.JobStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/jobs}: the caller's jobs, newest first, filtered by status, agent, creation time
 * and metadata, a page at a time; {@code next_cursor} continues where a page ended, even while new
 * jobs arrive.
 */
@RestController
public class JobListController {
  private final JobStore jobs;

  public JobListController(JobStore jobs) {
    this.jobs = jobs;
  }

  @ApiDoc(
      summary = "List jobs",
      description = "Newest first; pass next_cursor back as cursor for the next page.",
      query = {
        "status: one or more of queued, running, retry_wait, succeeded, failed, cancelled",
        "agent: this agent's jobs only",
        "created_from: created at or after this RFC 3339 time",
        "created_before: created before this RFC 3339 time",
        "metadata: key:value, repeatable; every pair must match",
        "batch: this batch's jobs only (a batch id)",
        "limit: 1 to 100, default 20",
        "cursor: next_cursor of the previous page"
      },
      answers = @ApiDoc.Answer(status = 200, description = "A page", schema = "job-list"),
      problems = 400)
  @GetMapping(path = "/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
  JobListView list(Caller caller, HttpServletRequest request) {
    JobPage page = jobs.list(caller.tenantId(), ListingQuery.parse(request.getParameterMap()));
    String next = page.hasMore() ? Cursors.encode(page.jobs().getLast().position()) : null;
    return new JobListView(page.jobs().stream().map(Views::summary).toList(), page.hasMore(), next);
  }
}
