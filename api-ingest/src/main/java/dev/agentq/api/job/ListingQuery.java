package dev.agentq.api.job;

import dev.agentq.api.problem.Codes;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Violation;
import dev.agentq.store.JobQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The query string of {@code GET /v1/jobs}, checked whole: every problem is reported at once, and
 * an unknown parameter is a problem rather than a filter silently ignored.
 */
final class ListingQuery {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  private static final Set<String> KNOWN =
      Set.of(
          "status",
          "agent",
          "created_from",
          "created_before",
          "metadata",
          "batch",
          "limit",
          "cursor");
  private static final Pattern METADATA = Pattern.compile("([A-Za-z0-9_.-]{1,64}):(.{0,512})");
  private static final int MAX_METADATA_FILTERS = 8;

  private ListingQuery() {}

  static JobQuery parse(Map<String, String[]> parameters) {
    List<Violation> problems = new ArrayList<>();
    parameters.keySet().stream()
        .filter(name -> !KNOWN.contains(name))
        .sorted()
        .forEach(name -> problems.add(new Violation("/" + name, "unknown parameter")));
    Set<JobState> statuses = EnumSet.noneOf(JobState.class);
    for (String value : all(parameters, "status")) {
      for (String wire : value.split(",")) {
        try {
          statuses.add(JobState.fromWire(wire.strip()));
        } catch (IllegalArgumentException e) {
          problems.add(
              new Violation(
                  "/status",
                  "not a job status: use queued, running, retry_wait, succeeded, failed or cancelled"));
        }
      }
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String pair : all(parameters, "metadata")) {
      var match = METADATA.matcher(pair);
      if (match.matches()) {
        metadata.put(match.group(1), match.group(2));
      } else {
        problems.add(new Violation("/metadata", "expected key:value"));
      }
    }
    if (metadata.size() > MAX_METADATA_FILTERS) {
      problems.add(new Violation("/metadata", "at most " + MAX_METADATA_FILTERS + " filters"));
    }
    String agent = one(parameters, "agent", problems);
    Instant from = instant(one(parameters, "created_from", problems), "/created_from", problems);
    Instant before =
        instant(one(parameters, "created_before", problems), "/created_before", problems);
    UUID batch = null;
    String batchText = one(parameters, "batch", problems);
    if (batchText != null) {
      batch = JobIds.parse(batchText).orElse(null);
      if (batch == null) {
        problems.add(new Violation("/batch", "not a batch id"));
      }
    }
    int limit = limit(one(parameters, "limit", problems), problems);
    String cursor = one(parameters, "cursor", problems);
    JobQuery.Position after = null;
    if (cursor != null) {
      after = Cursors.decode(cursor).orElse(null);
      if (after == null) {
        problems.add(new Violation("/cursor", "not a cursor this API gave out"));
      }
    }
    if (!problems.isEmpty()) {
      throw Codes.invalidQuery(problems);
    }
    return new JobQuery(statuses, agent, from, before, metadata, batch, after, limit);
  }

  private static List<String> all(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    return values == null ? List.of() : List.of(values);
  }

  private static String one(
      Map<String, String[]> parameters, String name, List<Violation> problems) {
    List<String> values = all(parameters, name);
    if (values.size() > 1) {
      problems.add(new Violation("/" + name, "given more than once"));
    }
    return values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
  }

  private static Instant instant(String value, String pointer, List<Violation> problems) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new Violation(pointer, "not an RFC 3339 time such as 2026-11-26T10:00:00Z"));
      return null;
    }
  }

  private static int limit(String value, List<Violation> problems) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new Violation("/limit", "an integer from 1 to " + MAX_LIMIT));
    return DEFAULT_LIMIT;
  }
}
