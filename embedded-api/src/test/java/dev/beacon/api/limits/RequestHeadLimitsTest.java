package dev.beacon.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP decoder refuses before any route sees them (a request line over 4 KiB, headers
 * over 8 KiB) are answered in the documented envelope of the family the target names (family B
 * when the target itself is what could not be read), and the server goes on.
 */
class RequestHeadLimitsTest extends ServerTest {
  @Test
  void anOverlongRequestLineIs414InTheEnvelope() {
    Resp b = server.anonymous().get("/v1/doc/" + "x".repeat(5000));
    assertEquals(414, b.status(), b::toString);
    assertEquals(4000, b.code(), b::toString);
    assertTrue(b.msg().contains("request line"), b::toString);

    // an unreadable target cannot say its family: the envelope is family B's
    Resp a = server.anonymous().post("/api/v1/version/check?" + "y".repeat(5000), "{}");
    assertEquals(414, a.status(), a::toString);
    assertEquals(4000, a.code(), a::toString);

    Resp big = server.anonymous().send(server.anonymous().request("/api/v1/version/check").header("X-Big", "z".repeat(9000))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(431, big.status(), big::toString);
    assertEquals(431, big.code(), "a readable family A target gets family A's envelope: " + big);
    assertEquals(200, server.anonymous().get("/health").status());
  }

  @Test
  void overlargeHeadersAre431InTheEnvelope() {
    Resp r = server.anonymous().send(server.anonymous().request("/v1/questions").header("X-Big", "z".repeat(9000)).GET());
    assertEquals(431, r.status(), r::toString);
    assertEquals(4000, r.code(), r::toString);
    assertTrue(r.msg().contains("headers"), r::toString);
    assertEquals(200, server.anonymous().get("/health").status());
  }
}
