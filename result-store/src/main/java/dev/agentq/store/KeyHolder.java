package dev.agentq.store;

/** Who presented a working API key: the key and the tenant it belongs to. */
public record KeyHolder(ApiKey key, Tenant tenant) {}
