package dev.agentq.api.problem;

import dev.agentq.schemas.Json;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's last word on errors it answers itself, before any servlet runs (a malformed URL, a bad
 * header): problem+json with a code, instead of Tomcat's HTML page.
 */
public final class ProblemJsonErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    var body = Json.object();
    body.put(
        "type",
        Problems.TYPE_ROOT + Problems.codeOf(HttpStatusCode.valueOf(status)).replace('_', '-'));
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", "The request could not be handled.");
    body.put("code", Problems.codeOf(HttpStatusCode.valueOf(status)));
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(Json.write(body));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed; nothing more can be said
    }
  }
}
