package dev.agentq.worker.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentSourceTest {
  private static final long MAX = 1 << 20;

  @TempDir Path root;
  private Path documents;
  private DocumentSource source;

  @BeforeEach
  void files() throws IOException {
    documents = Files.createDirectories(root.resolve("documents"));
    Files.writeString(documents.resolve("memo.txt"), "memo");
    Files.createDirectories(documents.resolve("2026/11"));
    Files.writeString(documents.resolve("2026/11/notes.md"), "# notes");
    Files.writeString(root.resolve("secret.txt"), "secret");
    source = DocumentSource.directory(documents);
  }

  private String read(String reference) {
    return new String(source.read(reference, MAX), StandardCharsets.UTF_8);
  }

  private static void assertRefused(Runnable read, String code) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void readsFilesInsideTheDirectory() {
    assertThat(read("memo.txt")).isEqualTo("memo");
    assertThat(read("2026/11/notes.md")).isEqualTo("# notes");
    assertThat(read("./2026/./11/notes.md")).isEqualTo("# notes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../secret.txt", "2026/../../secret.txt", "2026/11/../../../secret.txt"})
  void refusesParentSegments(String reference) {
    assertRefused(() -> read(reference), "document_not_allowed");
  }

  @Test
  void refusesAbsolutePathsEvenInsideTheDirectory() {
    assertRefused(() -> read(root.resolve("secret.txt").toString()), "document_not_allowed");
    assertRefused(() -> read(documents.resolve("memo.txt").toString()), "document_not_allowed");
  }

  @Test
  void refusesSymbolicLinksThatLeadOutside() throws IOException {
    Files.createSymbolicLink(documents.resolve("escape.txt"), root.resolve("secret.txt"));
    Files.createSymbolicLink(documents.resolve("up"), root);

    assertRefused(() -> read("escape.txt"), "document_not_allowed");
    assertRefused(() -> read("up/secret.txt"), "document_not_allowed");
  }

  @Test
  void followsSymbolicLinksThatStayInside() throws IOException {
    Files.createSymbolicLink(documents.resolve("latest.md"), documents.resolve("2026/11/notes.md"));

    assertThat(read("latest.md")).isEqualTo("# notes");
  }

  @Test
  void refusesEveryFileWithoutADirectory() {
    assertThatThrownBy(() -> DocumentSource.none().read("memo.txt", MAX))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.code()).isEqualTo("document_not_allowed");
              assertThat(e.getMessage()).contains("agentq.documents.directory");
            });
  }

  @Test
  void aMissingFileOrADirectoryIsUnreadable() {
    assertRefused(() -> read("missing.txt"), "document_unreadable");
    assertRefused(() -> read("2026"), "document_unreadable");
  }

  @Test
  void refusesAFileOverTheLimit() {
    assertThatThrownBy(() -> source.read("memo.txt", 3))
        .hasFieldOrPropertyWithValue("code", "document_too_large");
  }

  @Test
  void messagesNameTheReferenceButNotWhereTheDirectoryIs() {
    assertThatThrownBy(() -> read("../secret.txt")).hasMessageNotContaining(root.toString());
    assertThatThrownBy(() -> read("missing.txt"))
        .hasMessageContaining("'missing.txt'")
        .hasMessageNotContaining(root.toString());
  }
}
