package dev.agentq.schemas;

/**
 * Raised when bytes that should be JSON are not: syntax, encoding, duplicate keys or size limits.
 */
public final class MalformedJsonException extends ContractException {
  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
