package dev.agentq.api.schedule;

import java.io.Reader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Makes a batch from JSONL lines for a tenant: the port a batch schedule's runs go through. */
public interface BatchSubmitter {

  /**
   * @return the new batch's id
   */
  UUID submit(String tenantId, Reader jsonl, Map<String, String> metadata);

  /** The tenant's batch whose metadata holds every entry of {@code tags}, if one was made. */
  Optional<Made> find(String tenantId, Map<String, String> tags);

  /** A batch already made, and the {@code custom_id}s of its jobs. */
  record Made(UUID id, Set<String> customIds) {}
}
