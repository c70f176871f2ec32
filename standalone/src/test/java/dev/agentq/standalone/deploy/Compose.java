package dev.agentq.standalone.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the loosely typed YAML of compose and Prometheus files, in their short and long forms.
 */
final class Compose {
  private Compose() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  /** A list of scalars, or one scalar, as strings. */
  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(value));
  }

  /** {@code environment:} as a map ({@code KEY: value}) or a list ({@code - KEY=value}). */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
    } else {
      for (String entry : strings(raw)) {
        int equals = entry.indexOf('=');
        env.put(
            equals < 0 ? entry : entry.substring(0, equals),
            equals < 0 ? "" : entry.substring(equals + 1));
      }
    }
    return env;
  }

  /** {@code depends_on:} as service to condition ({@code service_started} for the short form). */
  static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> conditions = new LinkedHashMap<>();
    Object raw = service.get("depends_on");
    if (raw instanceof Map<?, ?> map) {
      map.forEach(
          (name, spec) ->
              conditions.put(
                  String.valueOf(name),
                  String.valueOf(map(spec).getOrDefault("condition", "service_started"))));
    } else {
      strings(raw).forEach(name -> conditions.put(name, "service_started"));
    }
    return conditions;
  }

  /** {@code host:port} of a scrape job's static targets and DNS names. */
  static List<String> scrapeTargets(Map<String, Object> job) {
    List<String> targets = new ArrayList<>();
    for (Object config : list(job.get("static_configs"))) {
      targets.addAll(strings(map(config).get("targets")));
    }
    for (Object config : list(job.get("dns_sd_configs"))) {
      Object port = map(config).get("port");
      strings(map(config).get("names")).forEach(name -> targets.add(name + ":" + port));
    }
    return targets;
  }
}
