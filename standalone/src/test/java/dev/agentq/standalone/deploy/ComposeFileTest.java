package dev.agentq.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml agrees with the apps: every variable it sets is one they read, every one they
 * need is set, ports, health checks and Prometheus targets meet real endpoints, and .env.example
 * lists every variable the file uses. Each broken variant below proves that the check can fail.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theComposeFileAgreesWithTheApps() {
    assertThat(check(compose -> {})).isEmpty();
  }

  @Test
  void aVariableNoAppReadsIsCaught() {
    assertThat(check(compose -> env(compose, "worker").put("AGENTQ_WORKER_CAPACTY", 10)))
        .containsExactly("worker sets AGENTQ_WORKER_CAPACTY, which the worker does not read");
  }

  @Test
  void aVariableOfTheOtherAppIsCaught() {
    assertThat(check(compose -> env(compose, "api").put("OPENAI_API_KEY", "")))
        .containsExactly("api sets OPENAI_API_KEY, which the api does not read");
  }

  @Test
  void aMissingVariableTheAppNeedsIsCaught() {
    assertThat(check(compose -> env(compose, "worker").remove("AGENTQ_KAFKA_BOOTSTRAP")))
        .containsExactly("worker does not set AGENTQ_KAFKA_BOOTSTRAP, which the worker needs");
  }

  @Test
  void aPortThatIsNotTheServersIsCaught() {
    assertThat(check(compose -> env(compose, "api").put("SERVER_PORT", 9000)))
        .contains(
            "api publishes container port 8080 but listens on 9000",
            "api health check calls port 8080 but listens on 9000",
            "Prometheus scrapes api on port 8080 but it listens on 9000");
  }

  @Test
  void aHealthCheckOfAnEndpointThatDoesNotExistIsCaught() {
    assertThat(
            check(
                compose ->
                    Compose.map(service(compose, "worker").get("healthcheck"))
                        .put("test", List.of("CMD", "curl", "-f", "http://127.0.0.1:8080/ready"))))
        .singleElement()
        .asString()
        .startsWith("worker health check calls /ready, which the worker does not serve");
  }

  @Test
  void anUnmigratedStartIsCaught() {
    assertThat(
            check(
                compose ->
                    Compose.map(service(compose, "api").get("depends_on")).remove("migrate")))
        .containsExactly("api does not migrate on start, yet waits for no migration to complete");
  }

  @Test
  void aWrongScrapeTargetIsCaught() {
    String broken = read("deploy/prometheus/prometheus.yml").replace("api:8080", "api:9090");

    assertThat(
            new ComposeCheck(
                    compose(), read("docker-compose.yml"), yaml(broken), read(".env.example"), ROOT)
                .problems())
        .containsExactly("Prometheus scrapes api on port 9090 but it listens on 8080");
  }

  @Test
  void aVariableMissingFromTheEnvExampleIsCaught() {
    String text =
        read("docker-compose.yml").replace("${GRAFANA_PORT:-3000}", "${GRAFANA_HOST_PORT:-3000}");

    assertThat(
            new ComposeCheck(yaml(text), text, prometheus(), read(".env.example"), ROOT).problems())
        .containsExactlyInAnyOrder(
            ".env.example does not list GRAFANA_HOST_PORT, which the compose file uses",
            ".env.example lists GRAFANA_PORT, which the compose file does not use");
  }

  private static List<String> check(Consumer<Map<String, Object>> change) {
    Map<String, Object> compose = compose();
    change.accept(compose);
    return new ComposeCheck(
            compose, read("docker-compose.yml"), prometheus(), read(".env.example"), ROOT)
        .problems();
  }

  private static Map<String, Object> env(Map<String, Object> compose, String service) {
    return Compose.map(service(compose, service).get("environment"));
  }

  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return Compose.map(Compose.map(compose.get("services")).get(name));
  }

  private static Map<String, Object> compose() {
    return yaml(read("docker-compose.yml"));
  }

  private static Map<String, Object> prometheus() {
    return yaml(read("deploy/prometheus/prometheus.yml"));
  }

  private static Map<String, Object> yaml(String text) {
    return new Yaml().load(text);
  }

  private static String read(String file) {
    try {
      return Files.readString(ROOT.resolve(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
