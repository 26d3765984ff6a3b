package dev.beacon.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow and numerous connections, over raw sockets on loopback: a client dripping its request head
 * is cut off while others are served; a slow but moving body is not; connections beyond the limit
 * are closed at once while the open ones keep being served.
 */
class ConnectionLimitsTest {
  static final String HEALTH = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";

  @Test
  void aClientDrippingItsRequestHeadIsCutOffWhileOthersAreServed() throws Exception {
    try (TestServer server = TestServer.start(c -> c.requestHeadTimeout(Duration.ofSeconds(1)));
        Socket slow = new Socket("127.0.0.1", server.port())) {
      slow.setSoTimeout(20_000);
      OutputStream out = slow.getOutputStream();
      // a head that would take 12 s at this pace; each byte keeps the connection from being idle
      byte[] head = ("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(60) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      int sent = 0;
      boolean cut = false;
      try {
        for (; sent < head.length; sent++) {
          out.write(head[sent]);
          out.flush();
          Thread.sleep(150);
          if (sent == 3) {
            assertEquals(200, status(exchange(server.port(), HEALTH)), "another client is served meanwhile");
          }
        }
      } catch (SocketException e) {
        cut = true; // the server closed the connection while we were still writing
      }
      if (!cut) {
        cut = slow.getInputStream().read() == -1;
      }
      assertTrue(cut && sent < head.length, "the connection was closed before the head was complete (sent " + sent + " of " + head.length + ")");
      assertEquals(200, status(exchange(server.port(), HEALTH)), "the server is still up");
    }
  }

  @Test
  void aSlowButMovingBodyIsNotCutOff() throws Exception {
    try (TestServer server = TestServer.start(c -> c.requestHeadTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ofSeconds(5)))) {
      TestApps.Created app = TestApps.create(server.newDeveloper());
      byte[] body = new JsonObject().put("app_key", app.appKey()).put("machine_id", "slow-1").put("version", "1.0.0")
          .encode().getBytes(StandardCharsets.UTF_8);
      try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/v1/user/heartbeat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // the body takes about 3 s, three times the head deadline, and never stops for long
      for (int i = 0; i < body.length; i += 4) {
        out.write(body, i, Math.min(4, body.length - i));
        out.flush();
        Thread.sleep(3000L * 4 / body.length + 1);
      }
      String answer = readAnswer(s.getInputStream());
      assertEquals(200, status(answer), answer);
      }
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedWhileTheOpenOnesAreServed() throws Exception {
    try (TestServer server = TestServer.start(c -> c.maxConnections(3))) {
      List<Socket> open = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket s = new Socket("127.0.0.1", server.port());
          s.setSoTimeout(10_000);
          open.add(s);
          assertEquals(200, status(send(s, HEALTH)), "connection " + (i + 1) + " of 3");
        }
        try (Socket extra = new Socket("127.0.0.1", server.port())) {
          extra.setSoTimeout(10_000);
          String answer;
          try {
            answer = send(extra, HEALTH);
          } catch (SocketException e) {
            answer = "";
          }
          assertEquals("", answer, "the fourth connection is closed without an answer");
        }
        for (Socket s : open) {
          assertEquals(200, status(send(s, HEALTH)), "the open connections are still served");
        }
        open.remove(0).close();
        // once one is closed there is room again (the server notices the close asynchronously)
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
          String answer;
          try {
            answer = exchange(server.port(), HEALTH);
          } catch (IOException e) {
            answer = "";
          }
          if (answer.isEmpty()) {
            Thread.sleep(100);
          } else {
            status = status(answer);
          }
        }
        assertEquals(200, status, "a new connection is accepted once there is room");
      } finally {
        for (Socket s : open) {
          s.close();
        }
      }
    }
  }

  /** One request on a new connection. */
  static String exchange(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      return send(s, request);
    }
  }

  /** Sends a request and reads one answer; "" when the server closed the connection instead. */
  static String send(Socket s, String request) throws IOException {
    s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return readAnswer(s.getInputStream());
  }

  /** Reads one answer (head and a Content-Length body), or "" at end of stream before any byte. */
  static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int contentLength = -1;
    int headEnd = -1;
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        buf.write(b);
        String text = buf.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
          headEnd = text.length();
          for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
              contentLength = Integer.parseInt(line.substring(15).trim());
            }
          }
          if (contentLength <= 0) {
            break;
          }
        }
        if (headEnd >= 0 && text.length() - headEnd >= contentLength) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("no answer in time; got so far: " + buf, e);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  static int status(String answer) {
    assertTrue(answer.startsWith("HTTP/1.1 "), () -> "not an HTTP answer: '" + answer + "'");
    return Integer.parseInt(answer.substring(9, 12));
  }
}
