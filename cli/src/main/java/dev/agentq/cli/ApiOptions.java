package dev.agentq.cli;

import picocli.CommandLine.Option;

/** {@code --api-url} and {@code --api-key}, accepted before and after the command's name. */
final class ApiOptions {
  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "The API's base URL (default: $AGENTQ_API_URL, else http://localhost:8080).")
  String url;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "The tenant's API key (default: $AGENTQ_API_KEY).")
  String key;

  /** The API client for these options, falling back to {@code root}'s, then to the environment. */
  Api connect(ApiOptions root, Context context) {
    String baseUrl = first(url, root.url, context.env().get(Context.API_URL_ENV));
    String apiKey = first(key, root.key, context.env().get(Context.API_KEY_ENV));
    return Api.of(baseUrl == null ? Context.DEFAULT_API_URL : baseUrl, apiKey);
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
