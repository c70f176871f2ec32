package dev.agentq.api.schedule;

import dev.agentq.api.problem.Codes;
import dev.agentq.store.schedule.SeenFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documents directory ({@code agentq.documents.directory}) as batch schedules see it: a
 * subdirectory named by a schedule must lie inside it, also once symbolic links are followed, and
 * its files are listed without following any link.
 */
public final class DocumentsDirectory {
  /** Deep enough for dated folders; a deeper tree is not searched further. */
  private static final int MAX_DEPTH = 16;

  private final Path root;

  /**
   * @param root the configured directory, or null when none is: then every directory is refused
   */
  public DocumentsDirectory(Path root) {
    this.root = root;
  }

  /**
   * The directory {@code relative} names, checked: relative, without {@code ..}, inside the root
   * once links are resolved, and existing.
   *
   * @throws dev.agentq.api.problem.ApiProblem {@code directory_not_allowed} or {@code
   *     directory_not_found}
   */
  public Path resolve(String relative) {
    if (root == null) {
      throw Codes.directoryNotAllowed(
          relative, "this deployment has no documents directory (agentq.documents.directory)");
    }
    Path asked;
    try {
      asked = Path.of(relative);
    } catch (java.nio.file.InvalidPathException e) {
      throw Codes.directoryNotAllowed(relative, "it is not a path");
    }
    if (asked.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
      throw Codes.directoryNotAllowed(
          relative, "it is absolute; name it relative to " + "the documents directory");
    }
    for (Path part : asked) {
      if (part.toString().equals("..")) {
        throw Codes.directoryNotAllowed(relative, "it contains '..'");
      }
    }
    Path base;
    try {
      base = root.toRealPath();
    } catch (IOException e) {
      throw Codes.directoryNotFound(relative, "the documents directory itself does not exist");
    }
    Path target = base.resolve(asked).normalize();
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      throw Codes.directoryNotFound(relative, "there is no such directory");
    }
    if (!real.startsWith(base)) {
      throw Codes.directoryNotAllowed(
          relative, "a symbolic link leads out of the documents directory");
    }
    if (!Files.isDirectory(real)) {
      throw Codes.directoryNotFound(relative, "it is not a directory");
    }
    return real;
  }

  /** A glob over file names, such as {@code *.pdf}; null matches every file. */
  public static PathMatcher matcher(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + (pattern == null ? "*" : pattern));
  }

  /**
   * The regular files under {@code relative} whose names match, by path, at most {@code limit};
   * symbolic links are skipped, so nothing outside the root is ever listed.
   *
   * @throws dev.agentq.api.problem.ApiProblem if the directory is no longer allowed or there
   */
  public List<SeenFile> files(String relative, String pattern, int limit) {
    Path directory = resolve(relative);
    Path base;
    try {
      base = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PathMatcher names = matcher(pattern);
    List<SeenFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory, MAX_DEPTH)) {
      for (Path path : (Iterable<Path>) walk.sorted(Comparator.naturalOrder())::iterator) {
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || !names.matches(path.getFileName())) {
          continue;
        }
        files.add(
            new SeenFile(
                base.relativize(path).toString().replace('\\', '/'),
                attributes.size(),
                attributes.lastModifiedTime().toInstant()));
        if (files.size() >= limit) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
