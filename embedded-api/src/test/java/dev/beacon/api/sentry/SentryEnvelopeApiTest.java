package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.sentry.SentryFixtures.Item;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The envelope and store routes over raw HTTP: what the Java SDK does not send in its own test. */
class SentryEnvelopeApiTest extends ServerTest {
  private static final String[][] FRAMES = {
      {"java.lang.Thread", "run"}, {"com.acme.Main", "main"}, {"com.acme.Worker", "work"}, {"com.acme.Parser", "parse"}};

  private static Api dev;

  @BeforeAll
  static void setUp() {
    dev = server.newDeveloper();
  }

  private static String issues(DsnApp app) {
    return "/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues";
  }

  private static JsonObject onlyIssue(DsnApp app) {
    Resp list = dev.get(issues(app));
    assertEquals(200, list.status(), list::toString);
    assertEquals(1, list.json().getJsonArray("issues").size(), list::toString);
    return list.json().getJsonArray("issues").getJsonObject(0);
  }

  @Test
  void anEnvelopeEventBecomesAnIssueWithItsFields() {
    DsnApp app = SentryFixtures.create(dev);
    assertTrue(app.dsn().matches("http://[0-9a-f]{32}@127\\.0\\.0\\.1:\\d+/\\d+"), app.dsn());
    String id = SentryFixtures.eventId();
    JsonObject ev = SentryFixtures.javaEvent(id, "IllegalStateException", "java.lang", "boom 42", "my-app@1.4.2+17", FRAMES);
    byte[] body = SentryFixtures.envelope(new JsonObject().put("event_id", id), Item.of("event", ev, true));
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), SentryFixtures.gzip(body), app.auth(), "gzip");
    assertEquals(200, r.status(), r::toString);
    assertEquals(id, r.json().getString("id"));

    JsonObject issue = onlyIssue(app);
    assertEquals("java.lang.IllegalStateException: boom 42", issue.getString("title"));
    assertEquals("com.acme.Parser.parse", issue.getString("culprit"));
    assertEquals(new JsonArray().add("1.4.2+17"), issue.getJsonArray("versions"));
    JsonObject detail = dev.get(issues(app) + "/" + issue.getString("issueId")).json();
    JsonObject latest = detail.getJsonObject("latestEvent");
    assertEquals(id, latest.getString("eventId"));
    assertEquals("staging", latest.getString("environment"));
    assertEquals("my-app@1.4.2+17", latest.getString("release"));
    assertEquals("error", latest.getString("level"));
    assertEquals("eu", latest.getJsonObject("tags").getString("shard"));
    assertTrue(latest.getString("stack").contains("\tat com.acme.Parser.parse(Parser.java:42)"), latest::encode);
    assertNotNull(latest.getString("machineHash"));
  }

  @Test
  void storeTakesGzipAndDeflateBodies() {
    DsnApp app = SentryFixtures.create(dev);
    for (String encoding : new String[] {"gzip", "deflate", null}) {
      JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "IllegalStateException", "java.lang", "x", "1.0", FRAMES);
      byte[] json = ev.encode().getBytes(StandardCharsets.UTF_8);
      byte[] body = encoding == null ? json : encoding.equals("gzip") ? SentryFixtures.gzip(json) : SentryFixtures.deflate(json);
      Resp r = SentryFixtures.post(server.anonymous(), app.storePath(), body, app.auth(), encoding);
      assertEquals(200, r.status(), r::toString);
      assertEquals(ev.getString("event_id"), r.json().getString("id"));
    }
    assertEquals(3, onlyIssue(app).getInteger("count"));
  }

  @Test
  void nulCharactersInAnEventAreKeptAsReplacementCharacters() {
    // an SDK may send \u0000 from binary data; PostgreSQL cannot store NUL in text, and the event must not be lost
    DsnApp app = SentryFixtures.create(dev);
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "IllegalStateException", "java.lang", "bad\u0000byte",
        "my-app@1.0\u0000", FRAMES);
    ev.put("tags", new JsonObject().put("k\u0000", "v\u0000"));
    Resp r = SentryFixtures.post(server.anonymous(), app.storePath(), ev.encode().getBytes(StandardCharsets.UTF_8), app.auth(), null);
    assertEquals(200, r.status(), r::toString);
    JsonObject issue = onlyIssue(app);
    assertEquals("java.lang.IllegalStateException: bad\uFFFDbyte", issue.getString("title"));
    assertEquals(new JsonArray().add("1.0\uFFFD"), issue.getJsonArray("versions"));
    JsonObject latest = dev.get(issues(app) + "/" + issue.getString("issueId")).json().getJsonObject("latestEvent");
    assertEquals("v\uFFFD", latest.getJsonObject("tags").getString("k\uFFFD"), latest::encode);
  }

  @Test
  void itemsWithoutLengthAndUnknownTypesBetweenKnownOnes() {
    DsnApp app = SentryFixtures.create(dev);
    String id = SentryFixtures.eventId();
    JsonObject ev = SentryFixtures.javaEvent(id, "IllegalStateException", "java.lang", "no length", "1.0", FRAMES);
    byte[] body = SentryFixtures.envelope(new JsonObject().put("event_id", id),
        Item.of("client_report", new JsonObject().put("discarded_events", new JsonArray()), false),
        Item.raw(new JsonObject().put("type", "something_new").put("length", 5), "a\nb\nc".getBytes(StandardCharsets.UTF_8), false),
        Item.of("event", ev, false),
        Item.of("future_type", new JsonObject().put("x", 1), false));
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath() + "?sentry_key=" + app.key(), body, null, null);
    assertEquals(200, r.status(), r::toString);
    assertEquals(id, r.json().getString("id"));
    assertEquals(1, onlyIssue(app).getInteger("count"));
  }

  @Test
  void aDuplicateEventIdIsStoredAndCountedOnce() {
    DsnApp app = SentryFixtures.create(dev);
    String id = SentryFixtures.eventId();
    JsonObject ev = SentryFixtures.javaEvent(id, "IllegalStateException", "java.lang", "twice", "1.0", FRAMES);
    byte[] body = SentryFixtures.envelope(new JsonObject().put("event_id", id), Item.of("event", ev, true));
    for (int i = 0; i < 3; i++) {
      Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), null);
      assertEquals(200, r.status(), r::toString);
      assertEquals(id, r.json().getString("id"));
    }
    assertEquals(1, onlyIssue(app).getInteger("count"));
  }

  @Test
  void theEnvelopeDsnAloneIsACredential() {
    DsnApp app = SentryFixtures.create(dev);
    String id = SentryFixtures.eventId();
    JsonObject ev = SentryFixtures.javaEvent(id, "IllegalStateException", "java.lang", "dsn only", "1.0", FRAMES);
    byte[] body = SentryFixtures.envelope(new JsonObject().put("event_id", id).put("dsn", app.dsn()), Item.of("event", ev, true));
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, null, null);
    assertEquals(200, r.status(), r::toString);
    assertEquals(1, onlyIssue(app).getInteger("count"));
  }

  @Test
  void wrongKeysProjectsAndFrozenAppsAreRefused() {
    DsnApp app = SentryFixtures.create(dev);
    DsnApp other = SentryFixtures.create(dev);
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "x", "y", "1.0", FRAMES);
    byte[] body = SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, true));

    Resp none = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, null, null);
    assertEquals(401, none.status(), none::toString);
    assertNotNull(none.json().getString("detail"));
    Resp wrong = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, "Sentry sentry_key=0123456789abcdef0123456789abcdef", null);
    assertEquals(401, wrong.status(), wrong::toString);
    Resp mismatch = SentryFixtures.post(server.anonymous(), other.envelopePath(), body, app.auth(), null);
    assertEquals(403, mismatch.status(), mismatch::toString);
    assertTrue(mismatch.json().getString("detail").contains("project"), mismatch::toString);

    assertEquals(200, server.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("freeze")).status());
    Resp frozen = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), null);
    assertEquals(403, frozen.status(), frozen::toString);
    assertEquals(200, server.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("unfreeze")).status());

    Resp rotated = dev.post("/v1/user/" + dev.openId + "/app/" + app.appId() + "/dsn/rotate", new JsonObject());
    assertEquals(200, rotated.status(), rotated::toString);
    DsnApp after = SentryFixtures.of(rotated.json().getJsonObject("app"));
    assertEquals(app.projectId(), after.projectId());
    assertTrue(!after.key().equals(app.key()));
    assertEquals(401, SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), null).status());
    assertEquals(200, SentryFixtures.post(server.anonymous(), after.envelopePath(), body, after.auth(), null).status());
  }

  /**
   * A key the server has answered (and keeps in memory) is refused as soon as its app is frozen or
   * its DSN rotated: an envelope without an event (a client report) is checked against the key
   * alone, so a stale key would pass there.
   */
  @Test
  void aKnownKeyIsRefusedOnceItsAppIsFrozenOrItsDsnRotated() {
    DsnApp app = SentryFixtures.create(dev);
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "x", "y", "1.0", FRAMES);
    byte[] event = SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, true));
    byte[] report = SentryFixtures.envelope(new JsonObject(),
        Item.of("client_report", new JsonObject().put("discarded_events", new io.vertx.core.json.JsonArray()), false));
    assertEquals(200, SentryFixtures.post(server.anonymous(), app.envelopePath(), event, app.auth(), null).status());
    assertEquals(200, SentryFixtures.post(server.anonymous(), app.envelopePath(), report, app.auth(), null).status());

    assertEquals(200, server.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("freeze")).status());
    Resp frozen = SentryFixtures.post(server.anonymous(), app.envelopePath(), report, app.auth(), null);
    assertEquals(403, frozen.status(), frozen::toString);
    assertTrue(frozen.json().getString("detail").contains("frozen"), frozen::toString);
    assertEquals(200, server.admin().post("/v1/admin/app/" + app.appId() + "/action", new JsonObject().putNull("unfreeze")).status());
    assertEquals(200, SentryFixtures.post(server.anonymous(), app.envelopePath(), report, app.auth(), null).status());

    assertEquals(200, dev.post("/v1/user/" + dev.openId + "/app/" + app.appId() + "/dsn/rotate", new JsonObject()).status());
    Resp stale = SentryFixtures.post(server.anonymous(), app.envelopePath(), report, app.auth(), null);
    assertEquals(401, stale.status(), stale::toString);
  }

  @Test
  void thePathsWorkWithoutTheirTrailingSlash() {
    DsnApp app = SentryFixtures.create(dev);
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "x", "y", "1.0", FRAMES);
    byte[] envelope = SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, true));
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath().replaceAll("/$", ""), envelope, app.auth(), null);
    assertEquals(200, r.status(), r::toString);
    JsonObject other = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "x", "y", "1.0", FRAMES);
    Resp store = SentryFixtures.post(server.anonymous(), app.storePath().replaceAll("/$", ""),
        other.encode().getBytes(StandardCharsets.UTF_8), app.auth(), null);
    assertEquals(200, store.status(), store::toString);
  }

  @Test
  void brotliIsRefusedWith415() {
    DsnApp app = SentryFixtures.create(dev);
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), new byte[] {1, 2, 3}, app.auth(), "br");
    assertEquals(415, r.status(), r::toString);
    assertTrue(r.json().getString("detail").contains("br"), r::toString);
  }

  @Test
  void malformedEnvelopesAre400() {
    DsnApp app = SentryFixtures.create(dev);
    Resp truncated = SentryFixtures.post(server.anonymous(), app.envelopePath(),
        java.util.Arrays.copyOf(SentryFixtures.gzip("{}\n{\"type\":\"event\"}\n{}".getBytes(StandardCharsets.UTF_8)), 12), app.auth(), "gzip");
    assertEquals(400, truncated.status(), truncated::toString);
    Resp shortItem = SentryFixtures.post(server.anonymous(), app.envelopePath(),
        "{}\n{\"type\":\"event\",\"length\":500}\n{}".getBytes(StandardCharsets.UTF_8), app.auth(), null);
    assertEquals(400, shortItem.status(), shortItem::toString);
    Resp notJson = SentryFixtures.post(server.anonymous(), app.envelopePath(), "nope\n".getBytes(StandardCharsets.UTF_8), app.auth(), null);
    assertEquals(400, notJson.status(), notJson::toString);
    assertNull(dev.get(issues(app)).json().getJsonArray("issues").stream().findFirst().orElse(null));
  }
}
