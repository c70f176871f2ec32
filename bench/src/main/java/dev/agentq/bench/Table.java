package dev.agentq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as a plain-text table, one figure a row, its reference beside it. */
final class Table {
  private static final List<String> HEADER =
      List.of("scenario", "figure", "value", "unit", "reference", "ref value", "ratio", "target");

  private Table() {}

  static String render(Report report) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Figure figure : report.figures()) {
      rows.add(
          List.of(
              figure.scenario(),
              figure.name(),
              number(figure.value()),
              figure.unit(),
              figure.reference() == null ? "" : figure.reference(),
              figure.referenceValue() == null ? "" : number(figure.referenceValue()),
              figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx", figure.ratio()),
              figure.target() == null ? "" : figure.target()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    Report.Environment env = report.environment();
    out.append(
        String.format(
            Locale.ROOT,
            "Postgres %s: fsync=%s synchronous_commit=%s%s; %d cores; Java %s%n",
            env.postgresVersion(),
            env.fsync(),
            env.synchronousCommit(),
            env.durable() ? "" : " (NOT DURABLE: figures not comparable)",
            env.cores(),
            env.java()));
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        boolean numeric = i == 2 || i == 5 || i == 6;
        String cell = row.get(i);
        String padded =
            numeric && r > 0
                ? " ".repeat(widths[i] - cell.length()) + cell
                : cell + " ".repeat(widths[i] - cell.length());
        line.append(padded).append(i < row.size() - 1 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        out.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
      }
    }
    report
        .failures()
        .forEach(
            (scenario, why) ->
                out.append("FAILED ").append(scenario).append(": ").append(why).append('\n'));
    return out.toString();
  }

  /** Whole numbers from 100 up, one decimal from 10, two below. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    String format = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, format, value);
  }
}
