package dev.agentq.api.web;

import dev.agentq.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads request bodies up to a limit, counting bytes as they arrive (a chunked body has no length).
 */
public final class RequestBodies {
  private final int maxBytes;

  public RequestBodies(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public byte[] read(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  /**
   * A body that may be left out: empty, or JSON. A body that is there but sent as anything other
   * than JSON answers 415.
   */
  public byte[] readOptionalJson(HttpServletRequest request) throws IOException {
    byte[] body = read(request);
    if (body.length > 0 && !isJson(request.getContentType())) {
      throw new ApiProblem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported_media_type",
          "Unsupported media type",
          "Send the body as application/json.");
    }
    return body;
  }

  /** Whether a Content-Type header names JSON; a malformed one does not. */
  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private ApiProblem tooLarge() {
    return new ApiProblem(
        HttpStatus.CONTENT_TOO_LARGE,
        "payload_too_large",
        "Payload too large",
        "The request body is over the limit of " + maxBytes + " bytes.");
  }
}
