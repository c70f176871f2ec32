package dev.agentq.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A first start without {@code AGENTQ_API_KEY} prints a generated key once; it works, survives a
 * restart, and is not printed again.
 */
class StandaloneKeysIT {
  private Standalone running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void aGeneratedKeyIsPrintedOnceAndKeepsWorking() throws Exception {
    Path home = Files.createTempDirectory("agentq-keys-").resolve("home");
    Map<String, String> noKey = Map.of("AGENTQ_API_KEY", "");

    running = Standalone.start(home, noKey);
    String key = running.printedKey().orElseThrow(() -> new AssertionError(running.log()));
    running.useKey(key);
    assertThat(running.get("/v1/jobs").statusCode()).isEqualTo(200);
    running.close();

    running = Standalone.start(home, noKey).useKey(key);
    assertThat(running.printedKey()).as("printed only once").isEmpty();
    assertThat(running.log()).contains("has 1 working API key(s), such as " + key.substring(0, 11));
    assertThat(running.get("/v1/jobs").statusCode()).isEqualTo(200);
  }
}
