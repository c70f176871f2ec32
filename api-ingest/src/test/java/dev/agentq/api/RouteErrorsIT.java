package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Wrong ids, routes, methods and URLs get problem+json with a stable code, never HTML. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RouteErrorsIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/status", "/result"})
  void aJobThatDoesNotExistIsNotFound(String part) {
    String id = UUID.randomUUID().toString();

    api.get("/v1/jobs/" + id + part).problem(404, "job_not_found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g"})
  void anIdThatIsNoUuidNamesNoJob(String id) {
    api.get("/v1/jobs/" + id).problem(404, "job_not_found");
    api.get("/v1/jobs/" + id + "/status").problem(404, "job_not_found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/nope", "/v2/jobs", "/v1/jobs/x/y/z", "/"})
  void anUnknownRouteIsNotFound(String path) {
    api.get(path).problem(404, "not_found");
  }

  @ParameterizedTest
  @CsvSource({"DELETE, /v1/jobs", "PATCH, /v1/jobs", "PUT, /v1/jobs/x", "POST, /health"})
  void aWrongMethodIsNotAllowedAndSaysWhichAre(String method, String path) {
    ApiResponse response =
        api.send(method, path, "application/json", BodyPublishers.ofString("{}"));

    response.problem(405, "method_not_allowed");
    assertThat(response.header("Allow")).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/jobs/%zz", "/v1/jobs/%", "/v1/jobs/%00"})
  void aMalformedUrlIsABadRequestInProblemJson(String target) {
    ApiResponse response = api.rawGet(target);

    response.problem(400, "bad_request");
    assertThat(response.body()).doesNotContainIgnoringCase("<html");
  }

  @Test
  void aBrowserAskingForHtmlGetsProblemJsonNotAnErrorPage() {
    api.send(api.request("/v1/nope").header("Accept", "text/html").GET()).problem(404, "not_found");
  }

  @Test
  void askingForHtmlWhereOnlyJsonIsServedIsNotAcceptableInProblemJson() {
    String job = "/v1/jobs/" + UUID.randomUUID();

    api.send(api.request(job).header("Accept", "text/html").GET()).problem(406, "not_acceptable");
  }
}
