package dev.agentq.bench;

import dev.agentq.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Submits {@code document-digest} jobs over HTTP, as a client of agentq would. */
final class ApiClient {
  private static final byte[] BODY = body();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI jobs;
  private final String apiKey;

  ApiClient(String baseUrl, String apiKey) {
    this.jobs = URI.create(baseUrl + "/v1/jobs");
    this.apiKey = apiKey;
  }

  /**
   * One {@code POST /v1/jobs}.
   *
   * @param id the job's id when accepted (202), else null
   * @param status the HTTP status, or 0 when no answer came
   * @param millis how long the call took
   */
  record Submitted(UUID id, int status, double millis) {}

  Submitted submit() throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(jobs)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(BODY));
    if (!apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - start) / 1e6;
      UUID id =
          response.statusCode() == 202
              ? UUID.fromString(Json.parse(response.body()).get("id").asString())
              : null;
      return new Submitted(id, response.statusCode(), millis);
    } catch (IOException e) {
      return new Submitted(null, 0, (System.nanoTime() - start) / 1e6);
    }
  }

  private static byte[] body() {
    var body = Json.object().put("agent", "document-digest");
    body.set("input", Json.object().put("document", DigestModel.DOCUMENT));
    return Json.writeBytes(body);
  }
}
