package dev.agentq.api.schedule;

import java.io.Reader;
import java.util.Map;
import java.util.UUID;

/** Makes a batch from JSONL lines for a tenant: the port a batch schedule's runs go through. */
@FunctionalInterface
public interface BatchSubmitter {

  /**
   * @return the new batch's id
   */
  UUID submit(String tenantId, Reader jsonl, Map<String, String> metadata);
}
