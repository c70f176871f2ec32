package dev.agentq.api.batch;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.job.Cursors;
import dev.agentq.api.job.JobIds;
import dev.agentq.api.problem.ApiProblem;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestIds;
import dev.agentq.schemas.batch.BatchListView;
import dev.agentq.schemas.batch.BatchView;
import dev.agentq.store.JobQuery;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchCancel;
import dev.agentq.store.batches.BatchPage;
import dev.agentq.store.batches.BatchStore;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/batches}: submit many jobs as one JSONL upload, then follow the batch, read its
 * results in line order, or cancel it.
 */
@RestController
public class BatchController {
  private static final String JSONL = "application/jsonl";

  private final BatchIntake intake;
  private final BatchStore batches;
  private final BatchViewer viewer;
  private final long maxBytes;

  public BatchController(
      BatchIntake intake, BatchStore batches, BatchViewer viewer, long maxBytes) {
    this.intake = intake;
    this.batches = batches;
    this.viewer = viewer;
    this.maxBytes = maxBytes;
  }

  @ApiDoc(
      summary = "Submit a batch",
      description =
          "One job per line of JSONL (application/jsonl, application/x-ndjson or"
              + " application/json-lines), or the same in the part 'file' of multipart/form-data."
              + " Lines are read and checked as they arrive; bad lines are listed with their"
              + " numbers and the rest proceed, unless all_or_nothing=true (then 422"
              + " batch_invalid_lines and nothing is kept). At most 100,000 lines and 200 MiB.",
      request = "batch-line",
      requestMediaType = JSONL,
      query = {
        "all_or_nothing: true to refuse the whole batch if any line is bad (default false)",
        "webhook_url: where batch.completed goes, besides the tenant's endpoints",
        "metadata: key:value, repeatable; stored with the batch"
      },
      answers = @ApiDoc.Answer(status = 201, description = "Taken in", schema = "batch"),
      problems = {400, 413, 415, 422})
  @PostMapping(
      path = "/v1/batches",
      consumes = {
        JSONL,
        "application/x-ndjson",
        "application/json-lines",
        MediaType.MULTIPART_FORM_DATA_VALUE
      },
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<BatchView> submit(Caller caller, HttpServletRequest request)
      throws IOException, ServletException {
    BatchOptions options = BatchQuery.options(request.getParameterMap());
    // A multipart body is a little longer than its file: the servlet container bounds it.
    if (!isMultipart(request) && request.getContentLengthLong() > maxBytes) {
      throw tooLarge();
    }
    BatchIntake.Accepted accepted;
    try (Reader jsonl = body(request)) {
      accepted = intake.submit(caller.tenantId(), jsonl, options, RequestIds.of(request));
    } catch (UncheckedIOException e) {
      // The client went away, or sent a broken body: nothing of the batch was kept.
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "bad_request",
          "Upload broken off",
          "The upload could not be read to its end; nothing of the batch was kept.");
    }
    BatchView view = viewer.view(accepted.batch());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create(view.links().self()))
        .body(view);
  }

  private Reader body(HttpServletRequest request) throws IOException, ServletException {
    InputStream in;
    if (isMultipart(request)) {
      Part file = request.getPart("file");
      if (file == null) {
        throw Codes.batchFileMissing();
      }
      in = file.getInputStream();
    } else {
      in = request.getInputStream();
    }
    return new InputStreamReader(
        new LimitedInputStream(in, maxBytes, this::tooLarge), StandardCharsets.UTF_8);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    return MediaType.MULTIPART_FORM_DATA.isCompatibleWith(
        MediaType.parseMediaType(request.getContentType()));
  }

  private RuntimeException tooLarge() {
    return Codes.batchTooLarge("it is over " + maxBytes + " bytes, the limit of one batch");
  }

  @ApiDoc(
      summary = "Read a batch",
      answers = @ApiDoc.Answer(status = 200, description = "The batch", schema = "batch"),
      problems = 404)
  @GetMapping(path = "/v1/batches/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  BatchView get(Caller caller, @PathVariable String id) {
    return viewer.view(find(caller, id));
  }

  @ApiDoc(
      summary = "List batches",
      description = "Newest first; pass next_cursor back as cursor for the next page.",
      query = {"limit: 1 to 100, default 20", "cursor: next_cursor of the previous page"},
      answers = @ApiDoc.Answer(status = 200, description = "A page", schema = "batch-list"),
      problems = 400)
  @GetMapping(path = "/v1/batches", produces = MediaType.APPLICATION_JSON_VALUE)
  BatchListView list(Caller caller, HttpServletRequest request) {
    BatchQuery.Page query = BatchQuery.page(request.getParameterMap());
    BatchPage page = batches.list(caller.tenantId(), query.after(), query.limit());
    String next = null;
    if (page.hasMore()) {
      Batch last = page.batches().getLast();
      next = Cursors.encode(new JobQuery.Position(last.createdAt(), last.id()));
    }
    return new BatchListView(
        page.batches().stream().map(viewer::summary).toList(), page.hasMore(), next);
  }

  @ApiDoc(
      summary = "Read a batch's results",
      description =
          "JSONL, one line per job in line order: custom_id, job_id, status, and output for a"
              + " job that succeeded or error for one that failed or was cancelled.",
      query = "errors_only: true for the jobs that failed or were cancelled only",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "One line per job",
              mediaType = "application/jsonl"),
      problems = {400, 404})
  @GetMapping(path = "/v1/batches/{id}/results")
  void results(
      Caller caller,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    boolean errorsOnly = BatchQuery.errorsOnly(request.getParameterMap());
    Batch batch = find(caller, id);
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(JSONL);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    BatchResults.write(batches, batch.id(), errorsOnly, response.getOutputStream());
  }

  @ApiDoc(
      summary = "Cancel a batch",
      description =
          "Its waiting jobs are cancelled at once, its running ones stop at their next step"
              + " boundary; the batch is cancelling until none runs, then cancelled.",
      answers = @ApiDoc.Answer(status = 200, description = "Cancelling", schema = "batch"),
      problems = {404, 409})
  @PostMapping(path = "/v1/batches/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
  BatchView cancel(Caller caller, @PathVariable String id) {
    BatchCancel cancel =
        JobIds.parse(id)
            .flatMap(uuid -> batches.cancel(caller.tenantId(), uuid))
            .orElseThrow(() -> Codes.batchNotFound(id));
    if (cancel.alreadyEnded()) {
      throw Codes.batchFinished(id, cancel.batch().status().wire());
    }
    return viewer.view(cancel.batch());
  }

  private Batch find(Caller caller, String id) {
    return JobIds.parse(id)
        .flatMap(uuid -> batches.find(caller.tenantId(), uuid))
        .orElseThrow(() -> Codes.batchNotFound(id));
  }
}
