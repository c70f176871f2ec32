package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments, usage errors and the exit codes that need no agentq to reach. */
class CommandLineTest {
  private static final String JOB = "0192f3c4-0000-7000-8000-000000000001";

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Run run = Run.of(Map.of(), "--help");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("submit", "status", "result", "watch", "batch");
    assertThat(run.out()).contains("AGENTQ_API_URL", "AGENTQ_API_KEY", "6  --wait --timeout");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(Run.of(Map.of()).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Run.of(Map.of(), "frobnicate").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Run.of(Map.of(), "submit", "--input", "{}").exitCode())
        .as("--agent is required")
        .isEqualTo(ExitCode.USAGE);
    assertThat(Run.of(Map.of(), "status").exitCode()).as("the id is required").isEqualTo(2);
    assertThat(Run.of(Map.of(), "batch").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Run.of(Map.of(), "batch", "submit", "./nowhere").exitCode()).isEqualTo(2);
  }

  @Test
  void inputMustBeAJsonObjectInlineFromAFileOrFromStdin(@TempDir Path dir) throws IOException {
    Run notJson = Run.of(Map.of(), "submit", "--agent", "a", "--input", "{nope");
    assertThat(notJson.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(notJson.err()).contains("--input is not JSON");

    Run array = Run.of(Map.of(), "submit", "--agent", "a", "--input", "[1]");
    assertThat(array.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(array.err()).contains("must be a JSON object");

    Run missing = Run.of(Map.of(), "submit", "--agent", "a", "--input", "@" + dir.resolve("x"));
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("cannot read --input");

    Path file = Files.writeString(dir.resolve("input.json"), "{\"document\": \"hi\"}");
    assertThat(JobInput.read("@" + file, InputStreamOf.empty()).path("document").asString())
        .isEqualTo("hi");
    assertThat(
            JobInput.read("@-", InputStreamOf.text("{\"document\": \"stdin\"}"))
                .path("document")
                .asString())
        .isEqualTo("stdin");
  }

  @Test
  void idsAreCheckedBeforeAnythingIsSent() {
    Run run = Run.of(Map.of(), "status", "not-a-uuid");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not a UUID");
  }

  @Test
  void timeoutNeedsWaitAndADuration() {
    assertThat(Run.of(Map.of(), "submit", "--agent", "a", "--input", "{}", "--timeout", "5s").err())
        .contains("--timeout applies to --wait");
    assertThat(
            Run.of(Map.of(), "submit", "--agent", "a", "--input", "{}", "--wait", "--timeout", "x")
                .exitCode())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void theApiUrlMustBeHttp() {
    Run run = Run.of(Map.of("AGENTQ_API_URL", "ftp://example"), "status", JOB);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("http:// or https://");
  }

  @Test
  void anApiNobodyListensOnExitsWith4() throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Run run = Run.of(Map.of("AGENTQ_API_URL", "http://127.0.0.1:" + port), "status", JOB);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("cannot reach the API at http://127.0.0.1:" + port);
  }

  @Test
  void optionsOutrankTheEnvironmentBeforeOrAfterTheCommand() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();
    server.createContext(
        "/",
        exchange -> {
          seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{\"id\":\"x\",\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      var env = Map.of("AGENTQ_API_URL", "http://127.0.0.1:1", "AGENTQ_API_KEY", "aq_from_env");
      assertThat(Run.of(env, "status", JOB, "--api-url", url).exitCode()).isZero();
      assertThat(Run.of(env, "--api-url", url, "--api-key", "aq_root", "status", JOB).exitCode())
          .isZero();
      assertThat(seen).containsExactly("Bearer aq_from_env", "Bearer aq_root");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void a5xxExitsWith4AndAProblemIsPrintedWithItsCode() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean broken = exchange.getRequestURI().getPath().endsWith("/status");
          String body =
              broken
                  ? "<html>bad gateway</html>"
                  : "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                      + "\"code\":\"result_not_ready\",\"detail\":\"the job has not ended yet\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", broken ? "text/html" : "application/problem+json");
          exchange.sendResponseHeaders(broken ? 502 : 409, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      var env = Map.of("AGENTQ_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
      Run gateway = Run.of(env, "status", JOB);
      assertThat(gateway.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(gateway.err()).contains("server_error", "(HTTP 502)");

      Run notReady = Run.of(env, "result", JOB);
      assertThat(notReady.exitCode()).isEqualTo(ExitCode.REFUSED);
      assertThat(notReady.err())
          .contains("agentq: result_not_ready: the job has not ended yet (HTTP 409)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void exitCodesFollowHowAJobOrABatchEnded() {
    assertThat(ExitCode.forJobStatus("succeeded")).isZero();
    assertThat(ExitCode.forJobStatus("failed")).isEqualTo(1);
    assertThat(ExitCode.forJobStatus("cancelled")).isEqualTo(5);

    assertThat(BatchWait.exitCode(batch("completed", 0, 0, 0))).isZero();
    assertThat(BatchWait.exitCode(batch("completed", 1, 0, 0))).isEqualTo(1);
    assertThat(BatchWait.exitCode(batch("completed", 0, 0, 2))).as("invalid lines").isEqualTo(1);
    assertThat(BatchWait.exitCode(batch("failed", 0, 0, 0))).isEqualTo(1);
    assertThat(BatchWait.exitCode(batch("cancelled", 0, 3, 0))).isEqualTo(5);
  }

  private static tools.jackson.databind.JsonNode batch(
      String status, int failed, int cancelled, int invalid) {
    var batch = Json.object().put("status", status);
    batch
        .putObject("counts")
        .put("total", 10)
        .put("succeeded", 10 - failed - cancelled)
        .put("failed", failed)
        .put("cancelled", cancelled)
        .put("invalid", invalid);
    return batch;
  }
}
