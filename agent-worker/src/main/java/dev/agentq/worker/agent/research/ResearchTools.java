package dev.agentq.worker.agent.research;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The research agent's tools: a calculator, and search and reading over the job's documents. */
public final class ResearchTools {
  private static final int SNIPPET_CHARS = 600;
  private static final int READ_CHARS = 8_000;

  private final Map<String, String> documents;

  /**
   * @param documents the job's input documents, by name
   */
  public ResearchTools(Map<String, String> documents) {
    // kept in the job's order, so that tool results read the same on every run
    this.documents =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(documents));
  }

  @Tool(
      name = "calculate",
      value = "Evaluates an arithmetic expression: + - * / % ^, parentheses, sqrt(x).")
  public String calculate(@P("the expression, such as (1200 - 150) * 0.2") String expression) {
    try {
      return Calculator.evaluate(expression).toPlainString();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return "error: " + e.getMessage();
    }
  }

  @Tool(
      name = "search_documents",
      value = "Finds the passages of the job's documents that best match a query.")
  public String searchDocuments(@P("words to look for") String query) {
    if (documents.isEmpty()) {
      return "there are no documents";
    }
    Set<String> terms = terms(query);
    record Passage(String document, String text, long score) {}
    List<Passage> passages = new ArrayList<>();
    documents.forEach(
        (name, text) -> {
          for (String paragraph : text.split("\\n\\s*\\n|(?<=[.!?])\\s+(?=[A-Z])")) {
            long score = terms(paragraph).stream().filter(terms::contains).count();
            if (score > 0) {
              passages.add(new Passage(name, paragraph.strip(), score));
            }
          }
        });
    if (passages.isEmpty()) {
      return "no passage matches '" + query + "'; the documents are " + documents.keySet();
    }
    return passages.stream()
        .sorted(
            Comparator.comparingLong(Passage::score).reversed().thenComparing(Passage::document))
        .limit(3)
        .map(p -> "[" + p.document() + "] " + clip(p.text(), SNIPPET_CHARS))
        .collect(Collectors.joining("\n"));
  }

  @Tool(name = "read_document", value = "Returns the text of one of the job's documents.")
  public String readDocument(@P("the document's name") String name) {
    String text = documents.get(name);
    return text == null
        ? "no document is named '" + name + "'; the documents are " + documents.keySet()
        : clip(text, READ_CHARS);
  }

  private static Set<String> terms(String text) {
    return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(term -> term.length() > 2)
        .collect(Collectors.toSet());
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
