/**
 * The wire contracts of agentq: JSON Schemas under {@code schemas/} on the classpath, the records
 * that mirror them, and validation against them. Nothing here knows HTTP, SQL or Kafka.
 */
package dev.agentq.schemas;
