package dev.agentq.schemas;

/** Root of every error raised by the wire contracts: bad JSON, or JSON that breaks a schema. */
public class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ContractException(String message) {
    super(message);
  }

  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
