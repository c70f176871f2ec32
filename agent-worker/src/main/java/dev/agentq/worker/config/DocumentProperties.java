package dev.agentq.worker.config;

import dev.agentq.worker.document.DocumentLimits;
import dev.agentq.worker.document.DocumentSettings;
import dev.agentq.worker.document.DocumentSource;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How workers read documents ({@code agentq.documents.*}).
 *
 * @param directory the only directory file references may name files in; empty refuses them all
 * @param maxBytes largest file or decoded {@code content_base64} read
 * @param maxPages most pages of a PDF read
 * @param maxChars most characters of text read from a document
 * @param chunkChars a longer text is summarized chunk by chunk, in chunks of at most this size
 * @param chunkOverlap characters each chunk repeats of the end of the one before
 * @param checkpointChars text read from a file or bytes is kept in the job's checkpoint up to this
 *     size; a longer one is read again when a later step needs it
 */
@ConfigurationProperties("agentq.documents")
public record DocumentProperties(
    @DefaultValue("") String directory,
    @DefaultValue("25MB") DataSize maxBytes,
    @DefaultValue("1000") int maxPages,
    @DefaultValue("2000000") int maxChars,
    @DefaultValue("20000") int chunkChars,
    @DefaultValue("200") int chunkOverlap,
    @DefaultValue("100000") int checkpointChars) {

  public DocumentSettings settings() {
    DocumentSource source =
        directory == null || directory.isBlank()
            ? DocumentSource.none()
            : DocumentSource.directory(Path.of(directory));
    return new DocumentSettings(
        source,
        new DocumentLimits(maxBytes.toBytes(), maxPages, maxChars),
        chunkChars,
        chunkOverlap,
        checkpointChars);
  }
}
