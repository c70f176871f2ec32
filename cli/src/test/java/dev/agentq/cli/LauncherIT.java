package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bin/agentq} runs the packaged jar, and its exit codes reach the shell. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "agentq").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target", "agentq-cli.jar").toAbsolutePath();

  private static TestAgentq agentq;

  @BeforeAll
  static void start() {
    assertThat(JAR).as("the shaded jar is built by package").exists();
    agentq = TestAgentq.shared();
  }

  @Test
  void theLauncherSubmitsWaitsAndReportsExitCodes() throws Exception {
    Launched submitted =
        launch(
            "submit",
            "--agent",
            "document-digest",
            "--input",
            "{\"document\": \"INVOICE #INV-1. Total due: $10.00.\"}",
            "--wait");
    assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
    assertThat(submitted.out()).contains("\"status\" : \"succeeded\"");

    Launched missing = launch("status", "0192f3c4-0000-7000-8000-00000000000f");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(missing.err()).contains("job_not_found");

    assertThat(launch("nonsense").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(launch("--version").out()).startsWith("agentq ");
  }

  private record Launched(int exitCode, String out, String err) {}

  private static Launched launch(String... args) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("agentq-out", ".txt");
    Path err = Files.createTempFile("agentq-err", ".txt");
    var builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(agentq.env());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("AGENTQ_CLI_JAR", JAR.toString());
    builder.environment().put("AGENTQ_CLI_NO_BUILD", "1");
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("bin/agentq " + String.join(" ", args) + " did not end");
    }
    return new Launched(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
