package dev.agentq.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.api.problem.ApiProblem;
import dev.agentq.store.schedule.SeenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories of batch schedules stay inside the documents directory; links are not followed. */
class DocumentsDirectoryTest {
  @TempDir Path root;
  @TempDir Path outside;

  private static String code(Runnable call) {
    try {
      call.run();
    } catch (ApiProblem problem) {
      return problem.code();
    }
    throw new AssertionError("no problem raised");
  }

  @Test
  void escapesAreRefused() throws IOException {
    Files.createDirectories(root.resolve("in/sub"));
    Files.createSymbolicLink(root.resolve("out"), outside);
    DocumentsDirectory documents = new DocumentsDirectory(root);

    assertThat(code(() -> documents.resolve(".."))).isEqualTo("directory_not_allowed");
    assertThat(code(() -> documents.resolve("in/../../x"))).isEqualTo("directory_not_allowed");
    assertThat(code(() -> documents.resolve(outside.toString())))
        .isEqualTo("directory_not_allowed");
    assertThat(code(() -> documents.resolve("out"))).isEqualTo("directory_not_allowed");
    assertThat(code(() -> documents.resolve("missing"))).isEqualTo("directory_not_found");
    assertThat(code(() -> new DocumentsDirectory(null).resolve("in")))
        .isEqualTo("directory_not_allowed");
    assertThat(documents.resolve("in/sub/")).isDirectory();
  }

  @Test
  void filesAreListedByPathWithoutFollowingLinks() throws IOException {
    Files.createDirectories(root.resolve("in/2026"));
    Files.writeString(root.resolve("in/b.pdf"), "b");
    Files.writeString(root.resolve("in/a.txt"), "a");
    Files.writeString(root.resolve("in/2026/c.pdf"), "cc");
    Files.writeString(outside.resolve("secret.pdf"), "s");
    Files.createSymbolicLink(root.resolve("in/secret.pdf"), outside.resolve("secret.pdf"));
    Files.createSymbolicLink(root.resolve("in/elsewhere"), outside);

    assertThat(new DocumentsDirectory(root).files("in", "*.pdf", 100))
        .extracting(SeenFile::path, SeenFile::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("in/2026/c.pdf", 2L),
            org.assertj.core.groups.Tuple.tuple("in/b.pdf", 1L));
    assertThat(new DocumentsDirectory(root).files("in", null, 100)).hasSize(3);
    assertThatThrownBy(() -> new DocumentsDirectory(root).files("gone", null, 1))
        .isInstanceOf(ApiProblem.class);
  }
}
