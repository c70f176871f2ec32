package dev.agentq.schemas;

import java.util.UUID;

/** Where to find a job's parts; relative URLs so that any API instance or proxy can serve them. */
public record Links(String self, String status, String result) {

  public static Links of(UUID jobId) {
    String self = "/v1/jobs/" + jobId;
    return new Links(self, self + "/status", self + "/result");
  }
}
