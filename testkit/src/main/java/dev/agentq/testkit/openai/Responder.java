package dev.agentq.testkit.openai;

/**
 * Computes a {@link Reply} for a chat-completion request; {@link FakeOpenAiServer} consults it when
 * its queue of scripted replies is empty.
 *
 * <p>Responders run on the server's request threads, possibly many at once, so they must be
 * thread-safe. If a responder throws or returns {@code null}, the request is answered with HTTP 500
 * and the problem is logged.
 */
@FunctionalInterface
public interface Responder {

  /**
   * Returns the reply for one request.
   *
   * @param request the recorded request, its JSON body already parsed
   * @return the reply to send; never {@code null}
   */
  Reply reply(RecordedRequest request);
}
