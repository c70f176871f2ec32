package dev.agentq.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the API: it has the API options and the context of the run. */
abstract class ApiCommand implements Callable<Integer> {
  @Mixin ApiOptions apiOptions;

  @Spec CommandSpec spec;

  /** The command at the root, which holds the context and the options given before a command. */
  Agentq root() {
    Object command = spec.root().userObject();
    return (Agentq) command;
  }

  Context context() {
    return root().context();
  }

  Api api() {
    return apiOptions.connect(root().api, context());
  }

  /** {@code id} as a UUID, or a usage error naming {@code what}. */
  static String uuid(String what, String id) {
    try {
      return UUID.fromString(id.strip()).toString();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(what + " id is not a UUID: " + id);
    }
  }
}
