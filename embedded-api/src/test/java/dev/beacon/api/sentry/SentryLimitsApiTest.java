package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.sentry.SentryFixtures.Item;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sizes and rates of the Sentry routes: a small body that inflates to half a MiB kept, 413 for
 * an event item over 1 MiB, an attachment over
 * {@code --attachment-limit} (1 KiB here), a body over 20 MiB as sent; 429 with
 * {@code Retry-After} and {@code X-Sentry-Rate-Limits} past the per-key limit (a burst of 3 here).
 */
class SentryLimitsApiTest {
  private static TestServer server;
  private static Api dev;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(c -> c.attachmentLimit(1024).clientRatePerKey(0.01).clientBurstPerKey(3));
    dev = server.newDeveloper();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void anEventItemOverOneMebibyteIs413() {
    DsnApp app = SentryFixtures.create(dev);
    JsonObject ev = new JsonObject().put("message", "x".repeat(1024 * 1024 + 10));
    byte[] body = SentryFixtures.gzip(SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, false)));
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), "gzip");
    assertEquals(413, r.status(), r::toString);
    assertTrue(r.json().getString("detail").contains("1 MiB"), r::toString);
    Resp store = SentryFixtures.post(server.anonymous(), app.storePath(), SentryFixtures.gzip(ev.encode().getBytes(StandardCharsets.UTF_8)),
        app.auth(), "gzip");
    assertEquals(413, store.status(), store::toString);
  }

  @Test
  void aSmallBodyThatInflatesToHalfAMebibyteIsKept() {
    // a few KiB as sent (read on the event loop first), half a MiB inflated (read again on a worker)
    DsnApp app = SentryFixtures.create(dev);
    String id = SentryFixtures.eventId();
    JsonObject ev = SentryFixtures.javaEvent(id, "BigMessage", "com.acme", "x".repeat(512 * 1024), "1.0",
        new String[][] {{"com.acme.Main", "main"}});
    byte[] body = SentryFixtures.gzip(SentryFixtures.envelope(new JsonObject().put("event_id", id), Item.of("event", ev, false)));
    assertTrue(body.length < 16 * 1024, "small as sent: " + body.length);
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), "gzip");
    assertEquals(200, r.status(), r::toString);
    assertEquals(id, r.json().getString("id"));
  }

  @Test
  void anAttachmentOverTheLimitIs413() {
    DsnApp app = SentryFixtures.create(dev);
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "x", "y", "1.0", new String[][] {{"com.a.B", "c"}});
    byte[] body = SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, true),
        Item.raw(new JsonObject().put("type", "attachment").put("filename", "big.log"), new byte[2048], true));
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), null);
    assertEquals(413, r.status(), r::toString);
    assertTrue(r.json().getString("detail").contains("big.log"), r::toString);
  }

  @Test
  void aBodyOverTwentyMebibytesAsSentIs413BeforeItIsRead() throws Exception {
    DsnApp app = SentryFixtures.create(dev);
    // a raw socket: the JDK 17 client hangs on a final answer to an Expect (JDK-8286171)
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String head = "POST " + app.envelopePath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sentry-Auth: " + app.auth()
          + "\r\nContent-Encoding: gzip\r\nContent-Length: " + (21 * 1024 * 1024) + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
      assertTrue(answer.contains("20 MiB"), answer);
    }
  }

  @Test
  void pastTheKeysRateSdksAreToldHowLongToWait() {
    DsnApp app = SentryFixtures.create(dev);
    byte[] body = SentryFixtures.envelope(new JsonObject(), Item.of("client_report", new JsonObject(), true));
    Resp last = null;
    for (int i = 0; i < 5; i++) {
      last = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), null);
      if (last.status() == 429) {
        break;
      }
      assertEquals(200, last.status(), last::toString);
    }
    assertEquals(429, last.status(), last::toString);
    String retry = last.header("Retry-After");
    assertNotNull(retry);
    assertTrue(Integer.parseInt(retry) >= 1, retry);
    assertEquals(retry + "::organization", last.header("X-Sentry-Rate-Limits"));
    assertNotNull(last.json().getString("detail"));
  }
}
