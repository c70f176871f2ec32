package dev.agentq.api.support;

import dev.agentq.schemas.Json;

/** Request bodies for {@code POST /v1/jobs}. */
public final class Requests {
  private Requests() {}

  /** The smallest valid submission: a {@code document-digest} job over {@code document}. */
  public static String digest(String document) {
    var body = Json.object();
    body.put("agent", "document-digest");
    body.putObject("input").put("document", document);
    return Json.write(body);
  }
}
