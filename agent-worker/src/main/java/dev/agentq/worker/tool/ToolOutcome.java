package dev.agentq.worker.tool;

/**
 * What a tool call gave back to the model.
 *
 * @param text the result, or the reason the call was refused
 * @param refused true when the tool did not run: undeclared, or arguments that break its schema
 */
public record ToolOutcome(String text, boolean refused) {

  public static ToolOutcome ran(String result) {
    return new ToolOutcome(result, false);
  }

  public static ToolOutcome refused(String why) {
    return new ToolOutcome("error: " + why, true);
  }
}
