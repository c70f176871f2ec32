package dev.agentq.schemas;

/**
 * One way a JSON document breaks its schema.
 *
 * @param pointer RFC 6901 JSON pointer to the offending value ({@code ""} is the whole document)
 * @param message what is wrong there, in words a client can act on
 */
public record Violation(String pointer, String message) {}
