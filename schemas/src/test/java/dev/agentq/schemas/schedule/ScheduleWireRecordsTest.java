package dev.agentq.schemas.schedule;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schedule records serialize to what their schemas say, and requests are checked whole. */
class ScheduleWireRecordsTest {
  private static final UUID ID = UUID.fromString("0b7e3a5e-8d34-4f3c-9a55-1f4f5f8a9b10");
  private static final Instant T0 = Instant.parse("2026-11-26T10:15:30.123456Z");

  private static JsonNode assertConforms(String schema, Object record) {
    JsonNode tree = Json.toTree(record);
    assertThat(JsonSchemas.get().violations(schema, tree)).as(tree.toString()).isEmpty();
    return tree;
  }

  private static ScheduleView view(List<ScheduleRunView> runs) {
    return new ScheduleView(
        "schedule",
        ID,
        null,
        "0 2 * * *",
        "Europe/Berlin",
        "paused",
        null,
        Json.parse("{\"agent\":\"document-digest\",\"directory\":\"in/\",\"only_new\":true}"),
        null,
        T0,
        T0,
        T0,
        runs);
  }

  @Test
  void aScheduleLeavesOutItsOtherTemplateAndItsRunsInListings() {
    JsonNode listed = assertConforms("schedule", view(null));
    assertThat(listed.has("job")).isFalse();
    assertThat(listed.has("runs")).isFalse();
    assertThat(listed.path("next_run_at").isNull()).isTrue();

    ScheduleRunView run = new ScheduleRunView(T0, T0, true, "created", null, ID, null);
    JsonNode read = assertConforms("schedule", view(List.of(run)));
    assertThat(read.at("/runs/0/catch_up").asBoolean()).isTrue();
    assertThat(read.at("/runs/0/job_id").isNull()).isTrue();
    assertConforms("schedule-list", new ScheduleList(List.of(view(null)), false, null));
  }

  @Test
  void aRequestHasExactlyOneTemplate() {
    ScheduleRequest batch =
        ScheduleRequest.parse(
            ("{\"cron\":\"0 2 * * *\",\"time_zone\":\"UTC\",\"batch\":{\"agent\":\"a\","
                    + "\"directory\":\"in/\"}}")
                .getBytes(UTF_8));
    assertThat(batch.batch().onlyNew()).isTrue();
    assertThat(batch.job()).isNull();
    assertThatThrownBy(
            () ->
                ScheduleRequest.parse(
                    "{\"cron\":\"0 2 * * *\",\"time_zone\":\"UTC\"}".getBytes(UTF_8)))
        .isInstanceOf(ContractViolationException.class);
  }
}
