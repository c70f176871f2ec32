package dev.agentq.api.batch;

import dev.agentq.api.job.Cursors;
import dev.agentq.api.problem.Codes;
import dev.agentq.schemas.Violation;
import dev.agentq.store.JobQuery;
import dev.agentq.store.batches.Batch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query strings of the batch routes, each checked whole: every problem is reported at once, and
 * an unknown parameter is a problem rather than an option silently ignored.
 */
final class BatchQuery {
  private static final Pattern METADATA = Pattern.compile("([A-Za-z0-9_.-]{1,64}):(.{0,512})");
  private static final int MAX_METADATA = 32;
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private BatchQuery() {}

  /** A page of the listing. */
  record Page(Batch.Position after, int limit) {}

  static BatchOptions options(Map<String, String[]> parameters) {
    List<Violation> problems = new ArrayList<>();
    unknown(parameters, Set.of("all_or_nothing", "webhook_url", "metadata", "file"), problems);
    boolean allOrNothing = flag(parameters, "all_or_nothing", problems);
    String webhookUrl = one(parameters, "webhook_url", problems);
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String pair : all(parameters, "metadata")) {
      var match = METADATA.matcher(pair);
      if (match.matches()) {
        metadata.put(match.group(1), match.group(2));
      } else {
        problems.add(new Violation("/metadata", "expected key:value"));
      }
    }
    if (metadata.size() > MAX_METADATA) {
      problems.add(new Violation("/metadata", "at most " + MAX_METADATA + " pairs"));
    }
    if (webhookUrl != null && webhookUrl.length() > 2048) {
      problems.add(new Violation("/webhook_url", "at most 2048 characters"));
    }
    check(problems);
    return new BatchOptions(allOrNothing, webhookUrl, metadata);
  }

  static Page page(Map<String, String[]> parameters) {
    List<Violation> problems = new ArrayList<>();
    unknown(parameters, Set.of("limit", "cursor"), problems);
    int limit = DEFAULT_LIMIT;
    String text = one(parameters, "limit", problems);
    if (text != null) {
      try {
        limit = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        problems.add(new Violation("/limit", "an integer from 1 to " + MAX_LIMIT));
      }
    }
    Batch.Position after = null;
    String cursor = one(parameters, "cursor", problems);
    if (cursor != null) {
      JobQuery.Position position = Cursors.decode(cursor).orElse(null);
      if (position == null) {
        problems.add(new Violation("/cursor", "not a cursor this API gave out"));
      } else {
        after = new Batch.Position(position.createdAt(), position.id());
      }
    }
    check(problems);
    return new Page(after, limit);
  }

  static boolean errorsOnly(Map<String, String[]> parameters) {
    List<Violation> problems = new ArrayList<>();
    unknown(parameters, Set.of("errors_only"), problems);
    boolean errorsOnly = flag(parameters, "errors_only", problems);
    check(problems);
    return errorsOnly;
  }

  private static void check(List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw Codes.invalidQuery(problems);
    }
  }

  private static void unknown(
      Map<String, String[]> parameters, Set<String> known, List<Violation> problems) {
    parameters.keySet().stream()
        .filter(name -> !known.contains(name))
        .sorted()
        .forEach(name -> problems.add(new Violation("/" + name, "unknown parameter")));
  }

  private static boolean flag(
      Map<String, String[]> parameters, String name, List<Violation> problems) {
    String value = one(parameters, name, problems);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    problems.add(new Violation("/" + name, "true or false"));
    return false;
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
}
