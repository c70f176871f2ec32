package dev.agentq.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch of the world: the environment, standard streams, and whether standard
 * error is a terminal (the launcher script tells, since Java cannot).
 */
record Context(
    Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean stderrTty) {

  /** The environment variable naming the API's base URL. */
  static final String API_URL_ENV = "AGENTQ_API_URL";

  /** The environment variable holding the API key. */
  static final String API_KEY_ENV = "AGENTQ_API_KEY";

  /** Set to {@code 1} by {@code bin/agentq} when standard error is a terminal. */
  static final String STDERR_TTY_ENV = "AGENTQ_STDERR_TTY";

  static final String DEFAULT_API_URL = "http://localhost:8080";

  static Context system() {
    Map<String, String> env = System.getenv();
    // Java 21 cannot tell whether stderr is a terminal; without bin/agentq's word, plain lines
    boolean stderrTty = "1".equals(env.get(STDERR_TTY_ENV));
    return new Context(env, System.in, System.out, System.err, stderrTty);
  }
}
