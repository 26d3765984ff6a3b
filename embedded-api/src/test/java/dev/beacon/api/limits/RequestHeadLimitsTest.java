package dev.beacon.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP decoder refuses before any route sees them (a request line over 4 KiB, headers
 * over 8 KiB) are answered in the documented envelope of the family the target names (family B
 * when the target itself is what could not be read), and the server goes on.
 */
class RequestHeadLimitsTest extends ServerTest {
  @Test
  void anOverlongRequestLineIs414InTheEnvelope() {
    Resp b = server.anonymous().unchecked().get("/v1/doc/" + "x".repeat(5000)); // over-long on purpose
    assertEquals(414, b.status(), b::toString);
    assertEquals(4000, b.code(), b::toString);
    assertTrue(b.msg().contains("request line"), b::toString);

    // an unreadable target cannot say its family: the envelope is family B's
    Resp a = server.anonymous().unchecked().post("/api/v1/version/check?" + "y".repeat(5000), "{}");
    assertEquals(414, a.status(), a::toString);
    assertEquals(4000, a.code(), a::toString);

    Resp big = server.anonymous().unchecked().send(server.anonymous().request("/api/v1/version/check").header("X-Big", "z".repeat(9000))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(431, big.status(), big::toString);
    assertEquals(431, big.code(), "a readable family A target gets family A's envelope: " + big);
    assertEquals(200, server.anonymous().get("/health").status());
  }

  /**
   * A client that sends a body after an over-long request line must still get the answer: the
   * server reads and drops the rest for a while after answering (closing with unread bytes would
   * reset the connection, and a reset can destroy the answer before the client reads it).
   */
  @Test
  void theAnswerToAnOverlongRequestLineSurvivesTheBodyStillComing() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      int length = 512 * 1024;
      out.write(("PUT /v1/doc/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) 'b');
      out.write(chunk);
      out.flush();
      InputStream in = s.getInputStream();
      String head = readHead(in);
      assertTrue(head.matches("(?s)HTTP/1\\.[01] 414 .*"), head);
      assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), head);
      // the answer is in; the client goes on sending its body, slowly enough for a reset to arrive
      int sent = chunk.length;
      for (int i = 0; i < 20; i++, sent += chunk.length) {
        out.write(chunk);
        out.flush();
        Thread.sleep(10);
      }
      assertTrue(sent > 128 * 1024, "the server took the rest of the body without resetting the connection");
      // then the server's side ends cleanly once the answer is read
      byte[] rest = in.readAllBytes();
      assertTrue(new String(rest, StandardCharsets.UTF_8).contains("request line"), "the envelope follows the head");
    }
    assertEquals(200, server.anonymous().get("/health").status());
  }

  private static String readHead(InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void overlargeHeadersAre431InTheEnvelope() {
    Resp r = server.anonymous().unchecked().send(server.anonymous().request("/v1/questions").header("X-Big", "z".repeat(9000)).GET());
    assertEquals(431, r.status(), r::toString);
    assertEquals(4000, r.code(), r::toString);
    assertTrue(r.msg().contains("headers"), r::toString);
    assertEquals(200, server.anonymous().get("/health").status());
  }
}
