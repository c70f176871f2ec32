package dev.agentq.api.health;

import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.problem.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health}: the process is alive. {@code /ready}: it can serve, because every dependency
 * answers; otherwise 503 naming the ones that do not.
 */
@RestController
public class HealthController {
  private final List<Dependency> dependencies;

  public HealthController(List<Dependency> dependencies) {
    this.dependencies = List.copyOf(dependencies);
  }

  /** Status of each dependency by name: {@code up}, or why it is down. */
  public record Readiness(String status, Map<String, String> checks) {}

  @ApiDoc(
      summary = "Is the process alive",
      access = ApiDoc.Access.PUBLIC,
      answers = @ApiDoc.Answer(status = 200, description = "Alive"))
  @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> health() {
    return Map.of("status", "up");
  }

  @ApiDoc(
      summary = "Can it serve",
      access = ApiDoc.Access.PUBLIC,
      answers = @ApiDoc.Answer(status = 200, description = "Every dependency is up"),
      problems = 503)
  @GetMapping(path = "/ready", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> ready() {
    Map<String, String> checks = new LinkedHashMap<>();
    boolean ready = true;
    for (Dependency dependency : dependencies) {
      String problem = dependency.problem();
      checks.put(dependency.name(), problem == null ? "up" : problem);
      ready &= problem == null;
    }
    if (ready) {
      return ResponseEntity.ok(new Readiness("ready", checks));
    }
    ProblemDetail problem =
        Problems.detail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "not_ready",
            "Not ready",
            "A dependency is down: " + String.join(", ", downOnes(checks)) + ".",
            List.of());
    problem.setProperty("checks", checks);
    return Problems.response(problem);
  }

  private static List<String> downOnes(Map<String, String> checks) {
    return checks.entrySet().stream()
        .filter(entry -> !entry.getValue().equals("up"))
        .map(Map.Entry::getKey)
        .toList();
  }
}
