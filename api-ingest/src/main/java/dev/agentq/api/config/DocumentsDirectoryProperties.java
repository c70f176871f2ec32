package dev.agentq.api.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The documents directory as the API reads it ({@code agentq.documents.*}; the workers read the
 * same setting): batch schedules list files in it.
 *
 * @param directory the only directory batch schedules may read, and file references may name
 */
@ConfigurationProperties("agentq.documents")
public record DocumentsDirectoryProperties(Path directory) {}
