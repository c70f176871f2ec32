package dev.agentq.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The batch lines of a directory's files, one JSONL line per file with its relative path as {@code
 * custom_id}: each file's bytes inline as {@code content_base64}, or a {@code file} reference. The
 * lines are produced as they are read, one file open at a time, so no file is held in memory.
 */
final class DirectoryJsonl {
  private final Path directory;
  private final List<Path> files;
  private final String agent;
  private final boolean asFileReference;
  private final String filePrefix;
  private volatile String failure;

  private DirectoryJsonl(
      Path directory, List<Path> files, String agent, boolean asFileReference, String filePrefix) {
    this.directory = directory;
    this.files = files;
    this.agent = agent;
    this.asFileReference = asFileReference;
    this.filePrefix = filePrefix;
  }

  /**
   * The regular files under {@code directory}, hidden ones (a name starting with {@code .}) left
   * out, in the order of their relative paths.
   */
  static DirectoryJsonl of(
      Path directory, String agent, boolean asFileReference, String filePrefix) {
    if (!Files.isDirectory(directory)) {
      throw CliException.usage("not a directory: " + directory);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(directory::relativize)
              .filter(relative -> !hidden(relative))
              .sorted((a, b) -> customId(a).compareTo(customId(b)))
              .toList();
    } catch (IOException | UncheckedIOException e) {
      throw CliException.usage("cannot list " + directory + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw CliException.usage("no files in " + directory);
    }
    return new DirectoryJsonl(directory, files, agent, asFileReference, filePrefix);
  }

  int fileCount() {
    return files.size();
  }

  /** Why a file could not be read while the lines were being sent, if one could not. */
  String failure() {
    return failure;
  }

  /** A new stream of every line; each call starts from the first file. */
  InputStream open() {
    failure = null;
    return new SequenceInputStream(new Lines());
  }

  /** The line's JSON up to the inline content, with the {@code custom_id} and agent. */
  private String head(Path relative) {
    String id = customId(relative);
    StringBuilder line =
        new StringBuilder("{\"custom_id\":")
            .append(Json.quote(id))
            .append(",\"agent\":")
            .append(Json.quote(agent))
            .append(",\"input\":{");
    if (asFileReference) {
      return line.append("\"file\":").append(Json.quote(filePrefix + id)).append("}}\n").toString();
    }
    String format = format(relative);
    if (format != null) {
      line.append("\"format\":").append(Json.quote(format)).append(',');
    }
    return line.append("\"content_base64\":\"").toString();
  }

  /** The relative path with {@code /} between names, whatever the platform. */
  static String customId(Path relative) {
    StringBuilder id = new StringBuilder();
    for (Path name : relative) {
      if (!id.isEmpty()) {
        id.append('/');
      }
      id.append(name);
    }
    return id.toString();
  }

  /** The document format its extension names, or null to let the worker look at the content. */
  static String format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdf")) {
      return "pdf";
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return "markdown";
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "html";
    }
    if (name.endsWith(".txt")) {
      return "text";
    }
    return null;
  }

  private static boolean hidden(Path relative) {
    for (Path name : relative) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** The pieces of the body: per file its head, its base64 content and the line's end. */
  private final class Lines implements Enumeration<InputStream> {
    private int file;
    private int piece;

    @Override
    public boolean hasMoreElements() {
      return file < files.size();
    }

    @Override
    public InputStream nextElement() {
      if (!hasMoreElements()) {
        throw new NoSuchElementException();
      }
      Path relative = files.get(file);
      if (asFileReference) {
        file++;
        return bytes(head(relative));
      }
      return switch (piece++) {
        case 0 -> bytes(head(relative));
        case 1 -> content(relative);
        default -> {
          piece = 0;
          file++;
          yield bytes("\"}}\n");
        }
      };
    }

    private InputStream content(Path relative) {
      try {
        return new Base64InputStream(Files.newInputStream(directory.resolve(relative)));
      } catch (IOException e) {
        failure = "cannot read " + directory.resolve(relative) + ": " + e.getMessage();
        // the upload fails with this, and the command reports the failure above
        return new InputStream() {
          @Override
          public int read() throws IOException {
            throw e;
          }
        };
      }
    }

    private static InputStream bytes(String text) {
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
