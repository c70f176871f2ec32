package dev.agentq.store;

/**
 * The result of one item of a batch: its value, or the error that refused this item alone (the rest
 * of the batch was written).
 */
public record Attempted<T>(T value, RuntimeException error) {

  public static <T> Attempted<T> of(T value) {
    return new Attempted<>(value, null);
  }

  public static <T> Attempted<T> failed(RuntimeException error) {
    return new Attempted<>(null, error);
  }

  /** The value, or the item's error thrown. */
  public T orThrow() {
    if (error != null) {
      throw error;
    }
    return value;
  }
}
