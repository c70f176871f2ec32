package dev.agentq.api.job;

import dev.agentq.store.JobQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Listing cursors: a job's place in the order, {@code <epoch micros>.<id>}, in base64url so that
 * clients treat it as opaque.
 */
public final class Cursors {
  private Cursors() {}

  public static String encode(JobQuery.Position position) {
    Instant at = position.createdAt();
    long micros =
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    String text = micros + "." + position.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<JobQuery.Position> decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int dot = text.indexOf('.');
      if (dot < 1 || text.length() - dot - 1 != 36) {
        return Optional.empty();
      }
      long micros = Long.parseLong(text.substring(0, dot));
      Instant at =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      return Optional.of(new JobQuery.Position(at, UUID.fromString(text.substring(dot + 1))));
    } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
