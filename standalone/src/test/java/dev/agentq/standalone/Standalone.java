package dev.agentq.standalone;

import static org.awaitility.Awaitility.await;

import dev.agentq.schemas.Json;
import dev.agentq.testkit.process.ChildJvm;
import dev.agentq.testkit.process.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The standalone jar running as a child process, reached only over HTTP. Its data lives in {@code
 * home}; starting another one on the same home is a restart.
 */
final class Standalone implements AutoCloseable {
  private static final Path JAR = Path.of("target", "agentq-standalone.jar");

  /** The key of tenant {@code default} in every standalone these tests start. */
  static final String API_KEY = "aq_standalone_e2e_key_0123456789";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ChildJvm process;
  private final String baseUrl;
  private volatile String key = API_KEY;

  private Standalone(ChildJvm process, int port) {
    this.process = process;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** Starts the jar on a free port and waits until {@code /ready} answers 200. */
  static Standalone start(Path home, Map<String, String> extraEnv) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw verify");
    }
    int port = FreePort.pick();
    Map<String, String> env = new HashMap<>();
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("AGENTQ_HOME", home.toString());
    // never borrow the developer's own settings
    env.put("AGENTQ_JDBC_URL", "");
    env.put("AGENTQ_KAFKA_BOOTSTRAP", "");
    env.put("OPENAI_API_KEY", "");
    env.put("AGENTQ_API_KEY", API_KEY);
    env.putAll(extraEnv);
    Path log = Files.createTempFile(home.getParent(), "standalone-", ".log");
    var child = ChildJvm.startJar(JAR, List.of("-Xmx512m"), env, log);
    var standalone = new Standalone(child, port);
    try {
      await("standalone ready")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(250))
          .until(standalone::ready);
    } catch (RuntimeException e) {
      child.kill9();
      throw new AssertionError("standalone did not start; its log:\n" + child.log(), e);
    }
    return standalone;
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("standalone exited:\n" + process.log());
    }
    try {
      return get("/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  HttpResponse<String> postJson(String path, String body) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POSTs {@code body} as {@code contentType}, for uploads such as a JSONL batch. */
  HttpResponse<String> post(String path, String contentType, String body) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode getJson(String path) throws IOException {
    return Json.parse(get(path).body());
  }

  /** Submits a document-digest job and returns its id. */
  String submitDigest(String document) throws IOException {
    var body = Json.object().put("agent", "document-digest");
    body.set("input", Json.object().put("document", document));
    HttpResponse<String> response = postJson("/v1/jobs", Json.write(body));
    if (response.statusCode() != 202) {
      throw new AssertionError("submit answered " + response.statusCode() + ": " + response.body());
    }
    return Json.parse(response.body()).get("id").asString();
  }

  /** Polls the job's status until it has ended, and returns that status. */
  String awaitEnd(String jobId, Duration timeout) {
    await("job " + jobId + " ended")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> getJson("/v1/jobs/" + jobId + "/status").get("finished_at").isString());
    try {
      return getJson("/v1/jobs/" + jobId + "/status").get("status").asString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      return HTTP.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Sends {@code other} as the API key from now on; null sends none. */
  Standalone useKey(String other) {
    this.key = other;
    return this;
  }

  /** The key printed at start-up when none was configured, if one was. */
  java.util.Optional<String> printedKey() {
    var matcher =
        java.util.regex.Pattern.compile(
                "API key of tenant 'default' \\(shown only now; keep it\\): (aq_[A-Za-z0-9]+)")
            .matcher(log());
    return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
  }

  /** A streaming GET whose lines arrive as they are sent. */
  HttpResponse<java.util.stream.Stream<String>> stream(String path) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Authorization", "Bearer " + key)
              .header("Accept", "text/event-stream")
              .timeout(Duration.ofMinutes(2))
              .build(),
          HttpResponse.BodyHandlers.ofLines());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  String log() {
    return process.log();
  }

  void kill9() {
    process.kill9();
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(60));
  }
}
