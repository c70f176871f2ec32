package dev.agentq.standalone.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks docker-compose.yml, its Prometheus configuration and .env.example against the apps' real
 * configuration, and says what does not line up. No Docker engine is needed: it reads files.
 *
 * @param compose the parsed compose file
 * @param composeText the compose file as written, for its {@code ${VARIABLE}} references
 * @param prometheus the parsed Prometheus configuration
 * @param envExample the text of .env.example
 * @param root the directory of the compose file, against which bind mounts resolve
 */
record ComposeCheck(
    Map<String, Object> compose,
    String composeText,
    Map<String, Object> prometheus,
    String envExample,
    Path root) {
  static final String MIGRATIONS_MAIN = "dev.agentq.store.StoreMigrations";
  static final Set<String> MIGRATION_ENV =
      Set.of("AGENTQ_JDBC_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
  private static final Map<String, AppSurface> APPS_BY_DOCKERFILE =
      Map.of(
          "docker/api.Dockerfile",
          AppSurface.api(),
          "docker/worker.Dockerfile",
          AppSurface.worker());
  private static final Pattern HEALTH_URL =
      Pattern.compile("http://(?:127\\.0\\.0\\.1|localhost):(\\d+)(/[^\\s\"',]*)");
  private static final Pattern REFERENCE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ENV_LINE =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=", Pattern.MULTILINE);

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<String, AppSurface> apps = appServices(problems);
    apps.forEach((service, app) -> checkApp(service, app, problems));
    checkMigration(apps, problems);
    checkScrapes(apps, problems);
    checkEnvExample(problems);
    checkBindMounts(problems);
    return problems;
  }

  /** Services built from an app's Dockerfile and running the app (not another entry point). */
  private Map<String, AppSurface> appServices(List<String> problems) {
    Map<String, AppSurface> apps = new LinkedHashMap<>();
    services()
        .forEach(
            (name, service) -> {
              if (!(service.get("build") instanceof Map<?, ?> build)) {
                return;
              }
              String dockerfile = String.valueOf(build.get("dockerfile"));
              AppSurface app = APPS_BY_DOCKERFILE.get(dockerfile);
              if (app == null) {
                problems.add(name + " builds " + dockerfile + ", which is no app's image");
              } else if (!Files.isRegularFile(root.resolve(dockerfile))) {
                problems.add(name + " builds " + dockerfile + ", which does not exist");
              } else if (!service.containsKey("entrypoint")) {
                apps.put(name, app);
              }
            });
    for (AppSurface app : APPS_BY_DOCKERFILE.values()) {
      if (!apps.containsValue(app)) {
        problems.add("the compose file runs no " + app.name());
      }
    }
    return apps;
  }

  private void checkApp(String service, AppSurface app, List<String> problems) {
    Map<String, Object> spec = services().get(service);
    Map<String, String> env = Compose.environment(spec);
    env.keySet().stream()
        .filter(variable -> !app.reads(variable))
        .forEach(
            v ->
                problems.add(
                    service + " sets " + v + ", which the " + app.name() + " does not read"));
    app.needs().stream()
        .filter(variable -> !env.containsKey(variable))
        .forEach(
            v ->
                problems.add(
                    service + " does not set " + v + ", which the " + app.name() + " needs"));

    int port = Integer.parseInt(env.getOrDefault("SERVER_PORT", "" + AppSurface.DEFAULT_PORT));
    for (String published : Compose.strings(spec.get("ports"))) {
      String target = published.substring(published.lastIndexOf(':') + 1).replace("/tcp", "");
      if (!target.equals("" + port)) {
        problems.add(service + " publishes container port " + target + " but listens on " + port);
      }
    }
    for (String exposed : Compose.strings(spec.get("expose"))) {
      if (!exposed.equals("" + port)) {
        problems.add(service + " exposes port " + exposed + " but listens on " + port);
      }
    }

    String test = healthTest(spec);
    Matcher url = HEALTH_URL.matcher(test);
    if (!url.find()) {
      problems.add(service + " has no HTTP health check: " + test);
    } else {
      if (!url.group(1).equals("" + port)) {
        problems.add(
            service + " health check calls port " + url.group(1) + " but listens on " + port);
      }
      if (!app.endpoints().contains(url.group(2))) {
        problems.add(
            service
                + " health check calls "
                + url.group(2)
                + ", which the "
                + app.name()
                + " does not serve; it serves "
                + app.endpoints());
      }
    }
  }

  /** Apps told not to migrate must wait for a service that runs the migrations, and succeeds. */
  private void checkMigration(Map<String, AppSurface> apps, List<String> problems) {
    Set<String> migrators = new TreeSet<>();
    services()
        .forEach(
            (name, service) -> {
              if (Compose.strings(service.get("entrypoint")).contains(MIGRATIONS_MAIN)) {
                migrators.add(name);
                Map<String, String> env = Compose.environment(service);
                env.keySet().stream()
                    .filter(v -> !MIGRATION_ENV.contains(v))
                    .forEach(
                        v ->
                            problems.add(
                                name + " sets " + v + ", which the migrations do not read"));
                if (!env.containsKey("AGENTQ_JDBC_URL")) {
                  problems.add(name + " does not set AGENTQ_JDBC_URL, which the migrations need");
                }
              }
            });
    try {
      Class.forName(MIGRATIONS_MAIN).getMethod("main", String[].class);
    } catch (ReflectiveOperationException e) {
      problems.add(MIGRATIONS_MAIN + " has no main method: " + e);
    }
    apps.keySet()
        .forEach(
            service -> {
              Map<String, Object> spec = services().get(service);
              if (!"false".equals(Compose.environment(spec).get("AGENTQ_STORE_MIGRATE_ON_START"))) {
                return;
              }
              boolean waits =
                  migrators.stream()
                      .anyMatch(
                          m ->
                              "service_completed_successfully"
                                  .equals(Compose.dependsOn(spec).get(m)));
              if (!waits) {
                problems.add(
                    service + " does not migrate on start, yet waits for no migration to complete");
              }
            });
  }

  private void checkScrapes(Map<String, AppSurface> apps, List<String> problems) {
    Set<String> scraped = new TreeSet<>();
    for (Object job : Compose.list(prometheus.get("scrape_configs"))) {
      Map<String, Object> config = Compose.map(job);
      String path = String.valueOf(config.getOrDefault("metrics_path", "/metrics"));
      for (String target : Compose.scrapeTargets(config)) {
        String host = target.substring(0, target.lastIndexOf(':'));
        String port = target.substring(target.lastIndexOf(':') + 1);
        AppSurface app = apps.get(host);
        if (app == null) {
          if (services().containsKey(host)) {
            continue; // another service of the file, such as Prometheus itself
          }
          if (!host.equals("localhost")) {
            problems.add(
                "Prometheus scrapes " + host + ", which is no service of the compose file");
          }
          continue;
        }
        scraped.add(host);
        String listens =
            Compose.environment(services().get(host))
                .getOrDefault("SERVER_PORT", "" + AppSurface.DEFAULT_PORT);
        if (!port.equals(listens)) {
          problems.add(
              "Prometheus scrapes " + host + " on port " + port + " but it listens on " + listens);
        }
        if (!path.equals(AppSurface.PROMETHEUS_PATH) || !app.exposesPrometheus()) {
          problems.add(
              "Prometheus scrapes "
                  + host
                  + " at "
                  + path
                  + ", but the "
                  + app.name()
                  + " serves metrics at "
                  + (app.exposesPrometheus() ? AppSurface.PROMETHEUS_PATH : "no path"));
        }
      }
    }
    apps.keySet().stream()
        .filter(service -> !scraped.contains(service))
        .forEach(service -> problems.add("Prometheus does not scrape " + service));
  }

  private void checkEnvExample(List<String> problems) {
    Set<String> used = new TreeSet<>();
    Matcher reference = REFERENCE.matcher(composeText);
    while (reference.find()) {
      used.add(reference.group(1));
    }
    Set<String> listed = new TreeSet<>();
    Matcher line = ENV_LINE.matcher(envExample);
    while (line.find()) {
      listed.add(line.group(1));
    }
    used.stream()
        .filter(v -> !listed.contains(v))
        .forEach(
            v -> problems.add(".env.example does not list " + v + ", which the compose file uses"));
    listed.stream()
        .filter(v -> !used.contains(v))
        .forEach(
            v -> problems.add(".env.example lists " + v + ", which the compose file does not use"));
  }

  private void checkBindMounts(List<String> problems) {
    services()
        .forEach(
            (name, service) -> {
              for (String volume : Compose.strings(service.get("volumes"))) {
                if (volume.startsWith("./") && !Files.exists(root.resolve(volume.split(":")[0]))) {
                  problems.add(name + " mounts " + volume.split(":")[0] + ", which does not exist");
                }
              }
            });
  }

  private static String healthTest(Map<String, Object> spec) {
    Object test = Compose.map(spec.get("healthcheck")).get("test");
    return test instanceof List<?> parts
        ? String.join(" ", Compose.strings(parts))
        : String.valueOf(test);
  }

  private Map<String, Map<String, Object>> services() {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    Compose.map(compose.get("services"))
        .forEach((name, spec) -> services.put(name, Compose.map(spec)));
    return services;
  }
}
