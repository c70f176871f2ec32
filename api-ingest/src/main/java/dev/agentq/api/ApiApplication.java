package dev.agentq.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An API instance on its own: accepts jobs and serves their status and results. */
// No component scan: the auto-configuration wires every bean explicitly.
@SpringBootConfiguration
@EnableAutoConfiguration
public class ApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(ApiApplication.class, args);
  }
}
