package dev.agentq.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys, stored only as SHA-256 hashes of their text. Each method is one transaction. */
public interface ApiKeyStore {

  /**
   * Stores a key of {@code tenantId}; empty if there is no such tenant.
   *
   * @param secretHash SHA-256 of the key's text (32 bytes)
   * @param prefix the key's first characters, kept to tell keys apart
   */
  Optional<ApiKey> create(String tenantId, String name, byte[] secretHash, String prefix);

  /** The working key whose text hashes to {@code secretHash}, and its tenant. */
  Optional<KeyHolder> authenticate(byte[] secretHash);

  /** Whether a key, working or revoked, hashes to {@code secretHash}. */
  boolean exists(byte[] secretHash);

  /** The tenant's keys, working and revoked, oldest first. */
  List<ApiKey> list(String tenantId);

  /**
   * Revokes the key at once on every API instance; revoking a revoked key changes nothing. Empty if
   * the tenant has no such key.
   */
  Optional<ApiKey> revoke(String tenantId, UUID keyId);
}
