package dev.agentq.api.health;

/** Something the API needs to serve: Postgres, Kafka. */
public interface Dependency {

  String name();

  /**
   * Checks it quickly.
   *
   * @return null when it is up, else why not, in a few words
   */
  String problem();
}
