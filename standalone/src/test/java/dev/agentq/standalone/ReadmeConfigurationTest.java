package dev.agentq.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.config.ApiProperties;
import dev.agentq.api.config.AuthProperties;
import dev.agentq.api.config.HttpProperties;
import dev.agentq.api.config.LimitProperties;
import dev.agentq.api.config.TopicProperties;
import dev.agentq.worker.config.DocumentProperties;
import dev.agentq.worker.config.KafkaSettings;
import dev.agentq.worker.config.ModelProperties;
import dev.agentq.worker.config.WebhookProperties;
import dev.agentq.worker.config.WorkerProperties;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The README's configuration table lists every setting of the apps, with its real default. */
class ReadmeConfigurationTest {
  private static final List<Class<? extends Record>> SETTINGS =
      List.of(
          ApiProperties.class,
          TopicProperties.class,
          AuthProperties.class,
          LimitProperties.class,
          HttpProperties.class,
          KafkaSettings.class,
          WorkerProperties.class,
          ModelProperties.class,
          dev.agentq.api.config.StoreProperties.class,
          dev.agentq.worker.config.StoreProperties.class,
          WebhookProperties.class,
          dev.agentq.api.config.WebhookProperties.class,
          DocumentProperties.class,
          dev.agentq.api.config.ScheduleProperties.class,
          dev.agentq.api.config.DocumentsDirectoryProperties.class,
          dev.agentq.api.config.TracingProperties.class,
          dev.agentq.worker.config.TracingProperties.class);
  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z.-]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

  @Test
  void everySettingIsDocumentedWithItsDefault() throws IOException {
    Map<String, String> documented = documented();
    Map<String, String> actual = new LinkedHashMap<>();
    for (Class<? extends Record> settings : SETTINGS) {
      String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
      for (RecordComponent component : settings.getRecordComponents()) {
        DefaultValue value = component.getAnnotation(DefaultValue.class);
        actual.put(
            prefix + "." + kebab(component.getName()), value == null ? "" : value.value()[0]);
      }
    }

    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(actual.keySet());
    actual.forEach(
        (property, value) -> {
          if (!value.isEmpty()) {
            assertThat(documented.get(property)).as(property).isEqualTo("`" + value + "`");
          }
        });
  }

  private static Map<String, String> documented() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- configuration:start -->"),
            readme.indexOf("<!-- configuration:end -->"));
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher matcher = ROW.matcher(table);
    while (matcher.find()) {
      rows.put(matcher.group(1), matcher.group(2).strip());
    }
    return rows;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
