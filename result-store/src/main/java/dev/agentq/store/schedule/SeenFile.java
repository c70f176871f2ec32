package dev.agentq.store.schedule;

import java.time.Instant;

/**
 * A file a batch schedule submitted; the same path with another size or modification time is a new
 * file.
 *
 * @param path relative to the documents directory, with {@code /} separators
 */
public record SeenFile(String path, long size, Instant modifiedAt) {}
