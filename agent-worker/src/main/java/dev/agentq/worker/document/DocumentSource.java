package dev.agentq.worker.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Where file references are read from: one directory the deployment allows (such as a mounted
 * volume of the night's documents), or none, in which case every file reference is refused. A
 * reference is a relative path inside it; absolute paths, {@code ..}, and symbolic links that lead
 * outside (checked on the real path) are refused with {@code document_not_allowed}.
 */
public final class DocumentSource {
  private static final DocumentSource NONE = new DocumentSource(null);

  private final Path directory;

  private DocumentSource(Path directory) {
    this.directory = directory;
  }

  /** No directory: file references are refused. */
  public static DocumentSource none() {
    return NONE;
  }

  /** Files under {@code directory}, which is looked up anew (its real path) at every read. */
  public static DocumentSource directory(Path directory) {
    return new DocumentSource(directory.toAbsolutePath());
  }

  /** The bytes of the file {@code reference} names, at most {@code maxBytes} of them. */
  public byte[] read(String reference, long maxBytes) {
    Path file = resolve(reference);
    try (SeekableByteChannel channel =
        Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      if (channel.size() > maxBytes) {
        throw DocumentException.tooLarge(
            channel.size() + " bytes, over the limit of " + maxBytes + " bytes");
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // until the buffer is full or the file ends (it may have shrunk)
      }
      if (channel.read(ByteBuffer.allocate(1)) > 0) {
        throw DocumentException.changed("'" + reference + "' grew while it was read");
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      return bytes;
    } catch (IOException e) {
      throw DocumentException.ioFailure("'" + reference + "' could not be read", e);
    }
  }

  /** The real path of the regular file {@code reference} names inside the directory. */
  Path resolve(String reference) {
    if (directory == null) {
      throw DocumentException.notAllowed(
          "file references are turned off (agentq.documents.directory is not set)");
    }
    Path relative;
    try {
      relative = Path.of(reference);
    } catch (InvalidPathException e) {
      throw DocumentException.notAllowed("'" + reference + "' is not a path");
    }
    if (relative.isAbsolute() || relative.getRoot() != null) {
      throw DocumentException.notAllowed(
          "absolute paths are refused; give one relative to the documents directory");
    }
    for (Path name : relative) {
      if (name.toString().equals("..")) {
        throw DocumentException.notAllowed("'..' is refused in a file reference");
      }
    }
    Path base;
    try {
      base = directory.toRealPath();
    } catch (IOException e) {
      throw DocumentException.ioFailure("the documents directory is not there", e);
    }
    Path real = realPath(base.resolve(relative).normalize(), reference);
    if (!real.startsWith(base)) {
      throw DocumentException.notAllowed(
          "'" + reference + "' leads outside the documents directory");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw DocumentException.unreadable("'" + reference + "' is not a regular file");
    }
    return real;
  }

  private static Path realPath(Path path, String reference) {
    try {
      return path.toRealPath();
    } catch (NoSuchFileException e) {
      throw DocumentException.unreadable("there is no file '" + reference + "'", e);
    } catch (IOException e) {
      throw DocumentException.ioFailure("'" + reference + "' could not be looked up", e);
    }
  }
}
