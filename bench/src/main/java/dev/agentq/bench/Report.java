package dev.agentq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured: where, the figures as the table shows them, and each scenario's full
 * result (null for a scenario not run).
 *
 * @param failures scenarios that failed, with why
 */
record Report(
    Environment environment,
    List<Figure> figures,
    PgScenario.Result postgres,
    JobRunrScenario.Result jobrunr,
    AgentqScenario.Result agentq,
    LatencyScenario.Result latency,
    InflightScenario.Result inflight,
    BatchScenario.UploadResult upload,
    BatchScenario.RunResult batch,
    Map<String, String> failures) {

  /**
   * The machine and the Postgres server of the run.
   *
   * @param durable fsync on and synchronous_commit not off
   * @param openFilesLimit the bench JVM's soft limit of open files
   */
  record Environment(
      String startedAt,
      String arguments,
      String java,
      int cores,
      long maxHeapMb,
      long openFilesLimit,
      String postgresVersion,
      String fsync,
      String synchronousCommit,
      boolean durable) {}

  static Report of(
      Environment environment,
      PgScenario.Result postgres,
      JobRunrScenario.Result jobrunr,
      AgentqScenario.Result agentq,
      LatencyScenario.Result latency,
      InflightScenario.Result inflight,
      Map<String, String> failures) {
    return of(environment, postgres, jobrunr, agentq, latency, inflight, null, null, failures);
  }

  static Report of(
      Environment environment,
      PgScenario.Result postgres,
      JobRunrScenario.Result jobrunr,
      AgentqScenario.Result agentq,
      LatencyScenario.Result latency,
      InflightScenario.Result inflight,
      BatchScenario.UploadResult upload,
      BatchScenario.RunResult batch,
      Map<String, String> failures) {
    List<Figure> figures = figures(postgres, jobrunr, agentq, latency, inflight);
    figures.addAll(batchFigures(upload, batch));
    return new Report(
        environment,
        figures,
        postgres,
        jobrunr,
        agentq,
        latency,
        inflight,
        upload,
        batch,
        Map.copyOf(failures));
  }

  static List<Figure> batchFigures(
      BatchScenario.UploadResult upload, BatchScenario.RunResult batch) {
    List<Figure> figures = new ArrayList<>();
    if (upload != null) {
      String heapLimit = "heap limit of the JVM";
      figures.add(
          Figure.against(
              "upload",
              "heap before, API alone",
              upload.heapBeforeMb(),
              "MB",
              heapLimit,
              upload.heapMaxMb(),
              null));
      figures.add(
          Figure.against(
              "upload",
              "heap peak, " + upload.lines() + "-line upload",
              upload.heapPeakMb(),
              "MB",
              "heap before",
              upload.heapBeforeMb(),
              null));
      figures.add(
          Figure.against(
              "upload",
              "  of it live (heap after a GC), most",
              upload.liveHeapPeakMb(),
              "MB",
              "heap before",
              upload.heapBeforeMb(),
              null));
      figures.add(
          Figure.against(
              "upload",
              "heap after (after GC)",
              upload.heapAfterMb(),
              "MB",
              "heap before",
              upload.heapBeforeMb(),
              null));
      figures.add(
          Figure.of(
              "upload",
              "upload time, " + upload.bytes() / 1_000_000 + " MB",
              upload.uploadSeconds(),
              "s",
              null));
      figures.add(
          Figure.of(
              "upload", "upload rate", upload.lines() / upload.uploadSeconds(), "lines/s", null));
      figures.add(Figure.of("upload", "errors (not 201, lines lost)", upload.errors(), "", "0"));
    }
    if (batch != null) {
      figures.add(
          Figure.of(
              "batch",
              batch.documents() + "-document batch, upload to completed",
              batch.seconds(),
              "s",
              null));
      figures.add(Figure.of("batch", "  of it the upload", batch.uploadSeconds(), "s", null));
      figures.add(
          Figure.of("batch", "documents/s", batch.documents() / batch.seconds(), "docs/s", null));
      figures.add(Figure.of("batch", "errors (not succeeded)", batch.errors(), "", "0"));
    }
    return figures;
  }

  static List<Figure> figures(
      PgScenario.Result postgres,
      JobRunrScenario.Result jobrunr,
      AgentqScenario.Result agentq,
      LatencyScenario.Result latency,
      InflightScenario.Result inflight) {
    List<Figure> figures = new ArrayList<>();
    String pgJobs = null;
    double pgJobsPerSecond = 0;
    if (postgres != null) {
      for (PgScenario.Run run : postgres.commits()) {
        figures.add(
            Figure.of(
                "postgres",
                "INSERT+COMMIT, " + run.threads() + " clients",
                run.perSecond(),
                "commits/s",
                null));
      }
      for (PgScenario.Run run : postgres.threeCommitJobs()) {
        figures.add(
            Figure.of(
                "postgres",
                "3 commits per job, " + run.threads() + " clients",
                run.perSecond(),
                "jobs/s",
                null));
      }
      PgScenario.Run best = postgres.bestJobs();
      pgJobs = "postgres 3 commits/job (" + best.threads() + " clients)";
      pgJobsPerSecond = best.perSecond();
    }
    if (jobrunr != null) {
      figures.add(
          pgJobs == null
              ? Figure.of(
                  "jobrunr", "jobs/s, 3 committed writes", jobrunr.jobsPerSecond(), "jobs/s", null)
              : Figure.against(
                  "jobrunr",
                  "jobs/s, 3 committed writes",
                  jobrunr.jobsPerSecond(),
                  "jobs/s",
                  pgJobs,
                  pgJobsPerSecond,
                  null));
    }
    if (agentq != null) {
      String name = "jobs/s end to end, 3 steps";
      if (jobrunr != null) {
        figures.add(
            Figure.against(
                "agentq",
                name,
                agentq.jobsPerSecond(),
                "jobs/s",
                "jobrunr jobs/s",
                jobrunr.jobsPerSecond(),
                ">= 1.5x jobrunr"));
      }
      if (pgJobs != null) {
        figures.add(
            Figure.against(
                "agentq", name, agentq.jobsPerSecond(), "jobs/s", pgJobs, pgJobsPerSecond, null));
      }
      if (jobrunr == null && pgJobs == null) {
        figures.add(Figure.of("agentq", name, agentq.jobsPerSecond(), "jobs/s", null));
      }
      figures.add(
          Figure.of("agentq", "job latency p50 under load", agentq.endToEndMs().p50(), "ms", null));
      figures.add(
          Figure.of("agentq", "job latency p99 under load", agentq.endToEndMs().p99(), "ms", null));
      figures.add(
          Figure.of(
              "agentq", "  of it queued (to claim) p50", agentq.queuedMs().p50(), "ms", null));
      figures.add(
          Figure.of(
              "agentq", "  of it running (3 steps) p50", agentq.runningMs().p50(), "ms", null));
      figures.add(
          Figure.of(
              "agentq",
              "POST /v1/jobs rate (closed loop)",
              agentq.jobs() / agentq.submitSeconds(),
              "req/s",
              null));
      figures.add(Figure.of("agentq", "POST /v1/jobs p50", agentq.submitMs().p50(), "ms", null));
      figures.add(
          Figure.of(
              "agentq",
              "POST /v1/jobs p99",
              agentq.submitMs().p99(),
              "ms",
              "< 50 ms at 1,000 req/s"));
      figures.add(
          Figure.of("agentq", "errors (failed, HTTP, model, retried)", agentq.errors(), "", "0"));
    }
    if (latency != null) {
      figures.add(
          Figure.of(
              "latency",
              "3-step job p50, one at a time",
              latency.endToEndMs().p50(),
              "ms",
              "< 50 ms"));
      figures.add(
          Figure.of(
              "latency", "3-step job p99, one at a time", latency.endToEndMs().p99(), "ms", null));
      figures.add(
          Figure.of(
              "latency", "  of it queued (to claim) p50", latency.queuedMs().p50(), "ms", null));
      figures.add(
          Figure.of(
              "latency", "  of it running (3 steps) p50", latency.runningMs().p50(), "ms", null));
      figures.add(
          Figure.of("latency", "submit to seen ended p50", latency.observedMs().p50(), "ms", null));
    }
    if (inflight != null) {
      figures.add(
          Figure.against(
              "inflight",
              "peak jobs in flight, one worker",
              inflight.peakInflight(),
              "jobs",
              "jobs submitted",
              inflight.jobs(),
              ">= 10,000"));
      figures.add(
          Figure.against(
              "inflight",
              "heap used at that peak",
              inflight.heapAtPeakMb(),
              "MB",
              "heap limit " + inflight.heapLimit(),
              InflightScenario.HEAP_MB,
              null));
      figures.add(
          Figure.against(
              "inflight",
              "open files, most at once",
              inflight.peakOpenFiles(),
              "fds",
              "ulimit -n of the worker",
              inflight.openFilesLimit(),
              null));
      figures.add(
          Figure.of("inflight", "errors (failed, model, retried)", inflight.errors(), "", "0"));
    }
    return figures;
  }
}
