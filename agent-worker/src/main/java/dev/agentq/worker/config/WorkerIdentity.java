package dev.agentq.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This worker's name in leases and logs: configured, or host, process id and a random suffix, so
 * that a restarted worker never mistakes its predecessor's leases for its own.
 */
public record WorkerIdentity(String name) {

  static WorkerIdentity of(String configured) {
    if (configured != null && !configured.isBlank()) {
      return new WorkerIdentity(configured);
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    return new WorkerIdentity(host + "-" + ProcessHandle.current().pid() + "-" + suffix);
  }
}
