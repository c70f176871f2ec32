package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.api.support.ApiInstance;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.api.support.SseClient;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stopping instance refuses new connections but finishes the requests it is serving, and ends its
 * event streams so that clients resume elsewhere instead of holding the shutdown up.
 */
class GracefulShutdownIT {
  private static final TestDatabase DB = TestPostgres.newSchema();

  @Test
  void aSubmitInFlightWhenShutdownBeginsIsStillAnswered() throws Exception {
    ApiInstance api = ApiInstance.start(DB, TestKafka.newPrefix());
    int port = api.port();
    String id =
        api.client()
            .submit(Requests.digest("streaming"))
            .conforming(202, "job-accepted")
            .path("id")
            .asString();
    SseClient stream = SseClient.open(api.client(), "/v1/jobs/" + id + "/events", null);
    assertThat(stream.next().name()).isEqualTo("job.queued");
    byte[] body = Requests.digest("in flight at shutdown").getBytes(StandardCharsets.UTF_8);

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Authorization: Bearer "
                  + Infra.API_KEY
                  + "\r\n"
                  + "Expect: 100-continue\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).as("the request is being served").startsWith("HTTP/1.1 100");
      in.readLine();

      CompletableFuture<Void> shutdown = CompletableFuture.runAsync(api::close);
      await("new connections refused").atMost(Duration.ofSeconds(30)).until(() -> refuses(port));
      assertThat(stream.untilEnd()).as("the event stream was ended, not cut").isEmpty();

      out.write(body);
      out.flush();
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 202 ");
      shutdown.get();
    } finally {
      stream.close();
    }
    assertThat(
            Infra.count(
                DB, "SELECT count(*) FROM jobs WHERE input->>'document' = 'in flight at shutdown'"))
        .isEqualTo(1);
  }

  private static boolean refuses(int port) {
    try {
      new Socket(InetAddress.getLoopbackAddress(), port).close();
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
