package dev.agentq.api;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without AGENTQ_ADMIN_KEY the admin API is off, whatever key is sent. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AdminDisabledIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
    registry.add("agentq.auth.admin-key", () -> "");
  }

  @LocalServerPort int port;

  @Test
  void everyAdminRouteIsForbiddenAndSaysHowToTurnItOn() {
    ApiClient api = new ApiClient(port);
    api.admin().get("/v1/admin/tenants").problem(403, "admin_disabled");
    api.as("").get("/v1/admin/tenants/default/keys").problem(403, "admin_disabled");
    api.postJson("/v1/admin/tenants", "{\"id\":\"x\"}").problem(403, "admin_disabled");
    api.get("/v1/agents").conforming(200, "agent-list");
  }
}
