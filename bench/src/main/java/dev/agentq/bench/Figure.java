package dev.agentq.bench;

/**
 * One line of the report: a figure, and next to it the reference it should be read against,
 * measured in the same run.
 *
 * @param scenario where it was measured
 * @param reference what it is compared with, or null
 * @param referenceValue the reference's value, or null
 * @param ratio value divided by the reference's value, or null
 * @param target what DESIGN.md asks of it, or null
 */
record Figure(
    String scenario,
    String name,
    double value,
    String unit,
    String reference,
    Double referenceValue,
    Double ratio,
    String target) {

  static Figure of(String scenario, String name, double value, String unit, String target) {
    return new Figure(scenario, name, value, unit, null, null, null, target);
  }

  static Figure against(
      String scenario,
      String name,
      double value,
      String unit,
      String reference,
      double referenceValue,
      String target) {
    Double ratio = referenceValue == 0 ? null : value / referenceValue;
    return new Figure(scenario, name, value, unit, reference, referenceValue, ratio, target);
  }
}
