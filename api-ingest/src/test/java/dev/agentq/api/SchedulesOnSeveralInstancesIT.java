package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.time.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two API instances on one database, both running their schedulers on short polls, one clock moved
 * tick by tick: every tick of every schedule makes exactly one job.
 */
class SchedulesOnSeveralInstancesIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-10T00:00:30Z"));
  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

  @Configuration(proxyBeanMethods = false)
  static class Time {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @BeforeAll
  static void start() {
    String prefix = TestKafka.newPrefix();
    for (int i = 0; i < 2; i++) {
      INSTANCES.add(
          new SpringApplicationBuilder(ApiApplication.class, Time.class)
              .run(
                  "--server.port=0",
                  "--spring.main.banner-mode=off",
                  "--spring.datasource.url=" + DB.jdbcUrl(),
                  "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                  "--agentq.kafka.topic-prefix=" + prefix,
                  "--agentq.auth.bootstrap-tenant=default",
                  "--agentq.auth.bootstrap-key=" + Infra.API_KEY,
                  "--agentq.limits.requests-per-second=100000",
                  "--agentq.limits.burst=100000",
                  "--agentq.schedules.poll-interval=20ms"));
    }
  }

  @AfterAll
  static void stop() {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
  }

  private static ApiClient client(int instance) {
    return new ApiClient(
        Integer.parseInt(
            INSTANCES.get(instance).getEnvironment().getProperty("local.server.port")));
  }

  @Test
  void everyTickMakesOneJobHoweverManyInstancesPoll() {
    int schedules = 4;
    for (int i = 0; i < schedules; i++) {
      client(i % 2)
          .postJson(
              "/v1/schedules",
              "{\"cron\":\"* * * * *\",\"time_zone\":\"Europe/Berlin\",\"job\":{\"agent\":"
                  + "\"document-digest\",\"input\":{\"document\":\"minute report\"}}}")
          .conforming(201, "schedule");
    }
    int ticks = 8;
    for (int tick = 1; tick <= ticks; tick++) {
      CLOCK.set(Instant.parse("2026-01-10T00:00:01Z").plus(Duration.ofMinutes(tick)));
      long expected = (long) schedules * tick;
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Infra.count(DB, "SELECT count(*) FROM schedule_runs") >= expected);
    }

    assertThat(Infra.count(DB, "SELECT count(*) FROM schedule_runs"))
        .isEqualTo((long) schedules * ticks);
    assertThat(Infra.count(DB, "SELECT count(*) FROM jobs")).isEqualTo((long) schedules * ticks);
    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM (SELECT schedule_id, scheduled_for FROM schedule_runs"
                    + " GROUP BY 1, 2 HAVING count(*) > 1) twice"))
        .isZero();
    assertThat(Infra.count(DB, "SELECT count(*) FROM schedule_runs WHERE catch_up")).isZero();
    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM jobs WHERE metadata->>'agentq.schedule_id' IS NOT NULL AND lane = 'batch'"))
        .isEqualTo((long) schedules * ticks);
  }
}
