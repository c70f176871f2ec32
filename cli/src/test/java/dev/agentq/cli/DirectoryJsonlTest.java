package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DirectoryJsonlTest {
  @TempDir Path docs;

  @Test
  void eachFileIsOneLineWithItsRelativePathAndItsBytesInBase64() throws IOException {
    byte[] big = new byte[200_001]; // several encoder chunks and a padded end
    new Random(7).nextBytes(big);
    Files.createDirectories(docs.resolve("sub/deeper"));
    Files.write(docs.resolve("sub/deeper/big.pdf"), big);
    Files.writeString(docs.resolve("a.md"), "# title");
    Files.writeString(docs.resolve("z"), "no extension");
    Files.writeString(docs.resolve(".hidden"), "left out");

    List<JsonNode> lines = read(DirectoryJsonl.of(docs, "document-digest", false, ""));

    assertThat(lines)
        .extracting(line -> line.get("custom_id").asString())
        .containsExactly("a.md", "sub/deeper/big.pdf", "z");
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.get("agent").asString()).isEqualTo("document-digest"));
    assertThat(lines.get(0).at("/input/format").asString()).isEqualTo("markdown");
    assertThat(lines.get(1).at("/input/format").asString()).isEqualTo("pdf");
    assertThat(lines.get(2).at("/input/format").isMissingNode()).isTrue();
    assertThat(Base64.getDecoder().decode(lines.get(0).at("/input/content_base64").asString()))
        .isEqualTo("# title".getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getDecoder().decode(lines.get(1).at("/input/content_base64").asString()))
        .isEqualTo(big);
  }

  @Test
  void fileReferencesNameThePathUnderAPrefix() throws IOException {
    Files.createDirectories(docs.resolve("x"));
    Files.writeString(docs.resolve("x/one.txt"), "1");
    List<JsonNode> lines = read(DirectoryJsonl.of(docs, "document-digest", true, "incoming/"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("custom_id").asString()).isEqualTo("x/one.txt");
    assertThat(lines.get(0).get("input").properties()).hasSize(1);
    assertThat(lines.get(0).at("/input/file").asString()).isEqualTo("incoming/x/one.txt");
  }

  @Test
  void filesAreOpenedOnlyWhenTheirLineIsSent() throws IOException {
    Files.writeString(docs.resolve("1.txt"), "first");
    Files.writeString(docs.resolve("2.txt"), "second");
    DirectoryJsonl jsonl = DirectoryJsonl.of(docs, "document-digest", false, "");
    try (InputStream in = jsonl.open()) {
      StringBuilder first = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        first.append((char) c);
      }
      assertThat(Json.parse(first.toString()).get("custom_id").asString()).isEqualTo("1.txt");
      Files.delete(docs.resolve("2.txt"));
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
    }
    assertThat(jsonl.failure()).startsWith("cannot read ").contains("2.txt");
  }

  @Test
  void anEmptyDirectoryIsAUsageError() {
    Run run = Run.of(java.util.Map.of(), "batch", "submit", docs.toString(), "--agent", "a");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("no files in");
  }

  private static List<JsonNode> read(DirectoryJsonl jsonl) throws IOException {
    try (InputStream in = jsonl.open()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).endsWith("\n");
      return text.lines().map(Json::parse).toList();
    }
  }
}
