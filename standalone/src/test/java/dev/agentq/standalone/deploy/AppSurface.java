package dev.agentq.standalone.deploy;

import dev.agentq.api.ApiApplication;
import dev.agentq.api.config.ApiProperties;
import dev.agentq.api.config.TopicProperties;
import dev.agentq.api.health.HealthController;
import dev.agentq.worker.WorkerApplication;
import dev.agentq.worker.config.KafkaSettings;
import dev.agentq.worker.config.ModelProperties;
import dev.agentq.worker.config.WorkerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What one app reads from its environment and serves over HTTP, taken from the code itself: its
 * {@code @ConfigurationProperties} records, the placeholders of its defaults file, the Spring Boot
 * properties on the classpath, its {@code application.properties} and its health endpoints.
 *
 * @param name {@code api} or {@code worker}
 * @param properties every property name the app binds (agentq's own and Spring Boot's)
 * @param placeholders environment variables its defaults file reads by name, with their defaults
 *     ({@code null} when there is none)
 * @param endpoints HTTP paths it answers for probes
 * @param exposesPrometheus whether {@code /actuator/prometheus} is exposed
 */
record AppSurface(
    String name,
    Set<String> properties,
    Map<String, String> placeholders,
    Set<String> endpoints,
    boolean exposesPrometheus) {
  static final int DEFAULT_PORT = 8080;
  static final String PROMETHEUS_PATH = "/actuator/prometheus";

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  static AppSurface api() {
    Set<String> endpoints = new TreeSet<>(mappedPaths(HealthController.class));
    return of(
        "api",
        ApiApplication.class,
        "/agentq-api.properties",
        List.of(
            ApiProperties.class,
            TopicProperties.class,
            dev.agentq.api.config.StoreProperties.class,
            dev.agentq.api.config.DocumentsDirectoryProperties.class),
        endpoints);
  }

  static AppSurface worker() {
    return of(
        "worker",
        WorkerApplication.class,
        "/agentq-worker.properties",
        List.of(
            WorkerProperties.class,
            KafkaSettings.class,
            ModelProperties.class,
            dev.agentq.worker.config.StoreProperties.class,
            dev.agentq.worker.config.DocumentProperties.class),
        new TreeSet<>());
  }

  /** Whether the app reads {@code variable}: by name in a placeholder, or by relaxed binding. */
  boolean reads(String variable) {
    if (placeholders.containsKey(variable)) {
      return true;
    }
    ConfigurationPropertySource env =
        ConfigurationPropertySource.from(
            new SystemEnvironmentPropertySource("env", Map.of(variable, "x")));
    return properties.stream()
        .anyMatch(p -> env.getConfigurationProperty(ConfigurationPropertyName.of(p)) != null);
  }

  /**
   * Variables the app cannot do without in a container: placeholders with no default, or with one
   * that points at {@code localhost}, which inside a container is the app itself.
   */
  Set<String> needs() {
    Set<String> needed = new TreeSet<>();
    placeholders.forEach(
        (variable, fallback) -> {
          if (fallback == null || fallback.contains("localhost")) {
            needed.add(variable);
          }
        });
    return needed;
  }

  private static AppSurface of(
      String name,
      Class<?> application,
      String defaultsFile,
      List<Class<? extends Record>> settings,
      Set<String> endpoints) {
    Set<String> properties = new HashSet<>(BootMetadata.propertyNames());
    for (Class<? extends Record> record : settings) {
      String prefix = record.getAnnotation(ConfigurationProperties.class).value();
      for (RecordComponent component : record.getRecordComponents()) {
        properties.add(prefix + "." + kebab(component.getName()));
      }
    }
    Properties app = load(resourceBeside(application, "application.properties"));
    List<String> exposed =
        Arrays.stream(
                app.getProperty("management.endpoints.web.exposure.include", "health").split(","))
            .map(String::strip)
            .toList();
    if (exposed.contains("health")) {
      endpoints.add("/actuator/health");
      if (Boolean.parseBoolean(app.getProperty("management.endpoint.health.probes.enabled"))) {
        endpoints.add("/actuator/health/liveness");
        endpoints.add("/actuator/health/readiness");
      }
    }
    return new AppSurface(
        name,
        Set.copyOf(properties),
        placeholders(application.getResource(defaultsFile)),
        Set.copyOf(endpoints),
        exposed.contains("prometheus"));
  }

  private static Map<String, String> placeholders(URL defaultsFile) {
    Map<String, String> found = new LinkedHashMap<>();
    Properties defaults = load(defaultsFile);
    for (String key : defaults.stringPropertyNames()) {
      Matcher matcher = PLACEHOLDER.matcher(defaults.getProperty(key));
      while (matcher.find()) {
        found.put(matcher.group(1), matcher.group(2));
      }
    }
    return found;
  }

  /** The app's own {@code application.properties}, not the first one on the classpath. */
  private static URL resourceBeside(Class<?> application, String name) {
    try {
      URL location = application.getProtectionDomain().getCodeSource().getLocation();
      String path = location.toString();
      return path.endsWith(".jar")
          ? URI.create("jar:" + path + "!/" + name).toURL()
          : location.toURI().resolve(name).toURL();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + name + " of " + application, e);
    }
  }

  private static Properties load(URL url) {
    Properties properties = new Properties();
    try (InputStream in = url.openStream()) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
    return properties;
  }

  private static Set<String> mappedPaths(Class<?> controller) {
    Set<String> paths = new TreeSet<>();
    for (Method method : controller.getDeclaredMethods()) {
      GetMapping mapping = method.getAnnotation(GetMapping.class);
      if (mapping != null) {
        Stream.of(mapping.path(), mapping.value()).flatMap(Arrays::stream).forEach(paths::add);
      }
    }
    return paths;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
