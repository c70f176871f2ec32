package dev.agentq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a real server that can drop a connection the way a network does: once
 * armed, the first answer holding a marker is passed on up to the end of that event and then the
 * connection is cut; or it can stall, passing on nothing the server says. It records what clients
 * sent, so a test can see the {@code Last-Event-ID} of a reconnection.
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile String cutMarker;
  private final AtomicBoolean cut = new AtomicBoolean();
  private volatile boolean stalled;
  private volatile String stallMarker;

  private CuttingProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  static CuttingProxy to(String baseUrl) throws IOException {
    var uri = java.net.URI.create(baseUrl);
    var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    var proxy = new CuttingProxy(listener, new InetSocketAddress(uri.getHost(), uri.getPort()));
    Thread.ofVirtual().start(proxy::accept);
    return proxy;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Cuts the first connection whose answer holds {@code marker}, after that event's end. */
  CuttingProxy cutOnceAfter(String marker) {
    cut.set(false);
    cutMarker = marker;
    return this;
  }

  boolean hasCut() {
    return cut.get();
  }

  /** Passes nothing the server says on to clients, as a network that hangs. */
  CuttingProxy stall() {
    stalled = true;
    return this;
  }

  /** On every connection, passes nothing on after the end of the event holding {@code marker}. */
  CuttingProxy stallAfter(String marker) {
    stallMarker = marker;
    return this;
  }

  /** What clients sent, one entry per read, as text. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(server);
        Thread.ofVirtual().start(() -> upstream(client, server));
        Thread.ofVirtual().start(() -> downstream(server, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void upstream(Socket client, Socket server) {
    byte[] buffer = new byte[8192];
    try (InputStream in = client.getInputStream();
        OutputStream out = server.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        requests.add(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // either side went away
    } finally {
      closeQuietly(client, server);
    }
  }

  private void downstream(Socket server, Socket client) {
    byte[] buffer = new byte[8192];
    StringBuilder seen = new StringBuilder();
    boolean hanging = false;
    try (InputStream in = server.getInputStream();
        OutputStream out = client.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (stalled || hanging) {
          continue;
        }
        String stallAt = stallMarker;
        String cutAt = cut.get() ? null : cutMarker;
        String marker = stallAt != null ? stallAt : cutAt;
        if (marker != null) {
          seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
          int at = seen.indexOf(marker);
          int end = at < 0 ? -1 : seen.indexOf("\n\n", at);
          if (end >= 0 && (stallAt != null || cut.compareAndSet(false, true))) {
            forwardThroughEvent(in, out, buffer, n, seen, end + 2);
            if (stallAt != null) {
              hanging = true;
              continue;
            }
            // closed mid-answer (a reset would make the kernel drop what the client has not read)
            return;
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // either side went away
    } finally {
      closeQuietly(server, client);
    }
  }

  /**
   * Passes on the bytes of the last read up to {@code eventEnd} (an index into {@code seen}); with
   * chunked transfer coding the chunk's closing CRLF goes too, or the client would hold the chunk,
   * and so the event, back.
   */
  private static void forwardThroughEvent(
      InputStream in, OutputStream out, byte[] buffer, int n, StringBuilder seen, int eventEnd)
      throws IOException {
    int alreadySent = seen.length() - n;
    if (eventEnd == seen.length()) {
      out.write(buffer, 0, n);
      int crlf = in.readNBytes(buffer, 0, 2);
      if (crlf == 2 && buffer[0] == '\r' && buffer[1] == '\n') {
        out.write(buffer, 0, 2);
      }
    } else {
      int upTo = seen.indexOf("\r\n", eventEnd) == eventEnd ? eventEnd + 2 : eventEnd;
      out.write(buffer, 0, Math.max(0, Math.min(n, upTo - alreadySent)));
    }
    out.flush();
  }

  private static void closeQuietly(Socket... sockets) {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }
}
