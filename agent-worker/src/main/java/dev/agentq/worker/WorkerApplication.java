package dev.agentq.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A worker process on its own: consumes dispatch messages and runs jobs. */
// No component scan: the auto-configuration wires every bean explicitly.
@SpringBootConfiguration
@EnableAutoConfiguration
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
