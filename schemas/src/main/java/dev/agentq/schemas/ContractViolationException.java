package dev.agentq.schemas;

import java.util.List;

/** Raised when well-formed JSON does not satisfy its schema; carries every violation found. */
public final class ContractViolationException extends ContractException {
  private static final long serialVersionUID = 1L;

  private final String schema;
  private final transient List<Violation> violations;

  public ContractViolationException(String schema, List<Violation> violations) {
    super(violations.size() + " violation(s) of " + schema);
    this.schema = schema;
    this.violations = List.copyOf(violations);
  }

  /** Name of the schema that was broken, such as {@code job-request}. */
  public String schema() {
    return schema;
  }

  public List<Violation> violations() {
    return violations;
  }
}
