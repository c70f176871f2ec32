package dev.agentq.api.docs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI document says of one route, next to its handler. Shapes are named by JSON Schema
 * ({@code job-request}, {@code job-accepted}): the document publishes those schemas themselves, so
 * what is documented is what the tests check that the API serves.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiDoc {

  String summary();

  String description() default "";

  /** The JSON Schema of the request body, or empty for none. */
  String request() default "";

  /** The media type of the request body. */
  String requestMediaType() default "application/json";

  /** Whether the request body may be left out. */
  boolean requestOptional() default false;

  /** Answers other than problems. */
  Answer[] answers();

  /** Statuses answered with a problem ({@code problem} schema), besides those of authentication. */
  int[] problems() default {};

  /** Query parameters, each {@code name: what it does}. */
  String[] query() default {};

  /** Who may call: a tenant's key, the admin key, or anyone. */
  Access access() default Access.TENANT;

  /** Who may call a route. */
  enum Access {
    TENANT,
    ADMIN,
    PUBLIC
  }

  /** One answer: its status, its body's JSON Schema (or none) and media type. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface Answer {
    int status();

    String description();

    String schema() default "";

    String mediaType() default "application/json";
  }
}
