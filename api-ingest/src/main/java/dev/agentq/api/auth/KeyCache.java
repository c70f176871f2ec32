package dev.agentq.api.auth;

import dev.agentq.store.ApiKeyStore;
import dev.agentq.store.KeyHolder;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working API keys remembered for a short while, so that a busy client is not one Postgres query
 * per request. Only keys that worked are remembered (a new key works at once); a revocation or a
 * tenant's new limits made through this instance clear it at once, made through another instance
 * they take effect here within {@code ttl}.
 */
public final class KeyCache {
  /** More distinct keys than this at once and the cache starts over: it is a cache, not a store. */
  private static final int MAX_KEYS = 10_000;

  private record Entry(KeyHolder holder, Instant expires) {}

  private final ApiKeyStore keys;
  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

  public KeyCache(ApiKeyStore keys, Duration ttl, Clock clock) {
    this.keys = keys;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The holder of the key with this hash, if the key works. */
  public Optional<KeyHolder> authenticate(byte[] secretHash) {
    if (ttl.isZero()) {
      return keys.authenticate(secretHash);
    }
    ByteBuffer key = ByteBuffer.wrap(secretHash.clone());
    Instant now = clock.instant();
    Entry cached = entries.get(key);
    if (cached != null && now.isBefore(cached.expires())) {
      return Optional.of(cached.holder());
    }
    Optional<KeyHolder> found = keys.authenticate(secretHash);
    if (found.isPresent()) {
      if (entries.size() >= MAX_KEYS) {
        entries.clear();
      }
      entries.put(key, new Entry(found.get(), now.plus(ttl)));
    } else {
      entries.remove(key);
    }
    return found;
  }

  /** Forgets every key, after a change to keys or tenants. */
  public void clear() {
    entries.clear();
  }
}
