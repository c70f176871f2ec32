package dev.agentq.store.internal;

import dev.agentq.schemas.Json;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.postgresql.util.PGobject;
import tools.jackson.databind.JsonNode;

/**
 * How our Java types cross into Postgres: {@link JsonNode} as {@code jsonb}, and {@link Instant} as
 * an {@link OffsetDateTime} in UTC, which the driver sends with its offset so that the session time
 * zone can never shift it.
 */
final class PostgresTypes {
  private PostgresTypes() {}

  static void register(Jdbi jdbi) {
    jdbi.registerArgument(new JsonbArgument());
    jdbi.registerArgument(new InstantArgument());
    jdbi.registerColumnMapper(
        JsonNode.class,
        (rs, column, ctx) -> {
          String text = rs.getString(column);
          return text == null ? null : Json.parse(text);
        });
    jdbi.registerColumnMapper(
        Instant.class,
        (rs, column, ctx) -> {
          OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
          return value == null ? null : value.toInstant();
        });
  }

  private static final class JsonbArgument extends AbstractArgumentFactory<JsonNode> {
    JsonbArgument() {
      super(Types.OTHER);
    }

    @Override
    protected Argument build(JsonNode value, ConfigRegistry config) {
      return (position, statement, ctx) -> {
        PGobject jsonb = new PGobject();
        jsonb.setType("jsonb");
        jsonb.setValue(Json.write(value));
        statement.setObject(position, jsonb);
      };
    }
  }

  private static final class InstantArgument extends AbstractArgumentFactory<Instant> {
    InstantArgument() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, ctx) ->
          statement.setObject(position, value.atOffset(ZoneOffset.UTC));
    }
  }
}
