package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.sentry.Attachment;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Sentry Java SDK ({@code io.sentry:sentry}) pointed at Beacon with an
 * {@code http://127.0.0.1:PORT} DSN, {@link Sentry#flush} waiting for it to send.
 */
class SentrySdkTest extends ServerTest {
  private static Api dev;

  @BeforeAll
  static void setUp() {
    dev = server.newDeveloper();
  }

  @AfterEach
  void closeSdk() {
    Sentry.close();
  }

  private static void init(String dsn, Consumer<SentryOptions> more) {
    Sentry.init(o -> {
      o.setDsn(dsn);
      o.setRelease("beacon-sdk-test@2.3.1+45");
      o.setEnvironment("qa");
      o.setEnableAutoSessionTracking(false);
      o.setEnableUncaughtExceptionHandler(false);
      o.addInAppInclude("dev.beacon");
      o.setFlushTimeoutMillis(10_000);
      o.setShutdownTimeoutMillis(10_000);
      more.accept(o);
    });
  }

  private static String issues(DsnApp app) {
    return "/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues";
  }

  private static JsonArray issueList(DsnApp app) {
    Resp r = dev.get(issues(app));
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonArray("issues");
  }

  static void parse(String text) {
    throw new IllegalStateException("cannot parse " + text, new IOException("disk gone"));
  }

  static void load() {
    parse("settings.json");
  }

  @Test
  void aThrownExceptionWithACauseBecomesAnIssueAndGroupsWhenThrownAgain() {
    DsnApp app = SentryFixtures.create(dev);
    init(app.dsn(), o -> { });
    Sentry.setUser(userWithId("install-7"));
    Sentry.setTag("shard", "eu-2");
    Sentry.addBreadcrumb("opened settings");
    SentryId first = null;
    for (int i = 0; i < 2; i++) {
      try {
        load();
      } catch (IllegalStateException e) {
        SentryId id = Sentry.captureException(e);
        first = first == null ? id : first;
      }
    }
    Sentry.flush(10_000);

    JsonArray list = issueList(app);
    assertEquals(1, list.size(), list::encode);
    JsonObject issue = list.getJsonObject(0);
    assertEquals(2, issue.getInteger("count"));
    assertEquals(1, issue.getInteger("machines"));
    assertEquals("java.lang.IllegalStateException: cannot parse settings.json", issue.getString("title"));
    assertEquals("dev.beacon.api.sentry.SentrySdkTest.parse", issue.getString("culprit"));
    assertEquals(new JsonArray().add("2.3.1+45"), issue.getJsonArray("versions"));

    JsonObject latest = dev.get(issues(app) + "/" + issue.getString("issueId")).json().getJsonObject("latestEvent");
    assertEquals("qa", latest.getString("environment"));
    assertEquals("beacon-sdk-test@2.3.1+45", latest.getString("release"));
    assertEquals("java", latest.getString("platform"));
    assertEquals("eu-2", latest.getJsonObject("tags").getString("shard"));
    assertTrue(latest.getJsonArray("breadcrumbs").encode().contains("opened settings"), latest::encode);
    assertEquals("sentry.java", latest.getJsonObject("sdk").getString("name"));
    String stack = latest.getString("stack");
    assertTrue(stack.contains("at dev.beacon.api.sentry.SentrySdkTest.parse("), stack);
    assertTrue(stack.contains("Caused by: java.io.IOException: disk gone"), stack);
    assertTrue(stack.indexOf("SentrySdkTest.parse(") < stack.indexOf("SentrySdkTest.load("), stack);

    JsonArray env = dev.get(issues(app) + "?environment=qa").json().getJsonArray("issues");
    assertEquals(1, env.size());
    assertEquals(0, dev.get(issues(app) + "?environment=production").json().getJsonArray("issues").size());
    assertNotNull(first);
  }

  @Test
  void aCapturedMessageIsAnIssue() {
    DsnApp app = SentryFixtures.create(dev);
    init(app.dsn(), o -> { });
    Sentry.captureMessage("cache warmed in 1200 ms");
    Sentry.flush(10_000);
    JsonArray list = issueList(app);
    assertEquals(1, list.size(), list::encode);
    assertEquals("cache warmed in 1200 ms", list.getJsonObject(0).getString("title"));
  }

  @Test
  void anAttachmentIsDownloadable() throws Exception {
    DsnApp app = SentryFixtures.create(dev);
    init(app.dsn(), o -> { });
    byte[] log = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
    Sentry.configureScope(scope -> scope.addAttachment(new Attachment(log, "app.log")));
    Sentry.captureException(new IllegalArgumentException("with a log"));
    Sentry.flush(10_000);

    JsonObject issue = issueList(app).getJsonObject(0);
    JsonObject latest = dev.get(issues(app) + "/" + issue.getString("issueId")).json().getJsonObject("latestEvent");
    JsonArray files = latest.getJsonArray("attachments");
    assertEquals(1, files.size(), latest::encode);
    JsonObject file = files.getJsonObject(0);
    assertEquals("app.log", file.getString("filename"));
    assertEquals(log.length, file.getLong("size"));
    String path = "/v1/user/" + dev.openId + "/app/" + app.appId() + "/attachments/" + file.getString("attachmentId");
    HttpResponse<byte[]> got = HttpClient.newHttpClient().send(dev.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, got.statusCode());
    assertArrayEquals(log, got.body());
    Api other = server.newDeveloper();
    assertEquals(4004, other.get("/v1/user/" + other.openId + "/app/" + app.appId() + "/attachments/" + file.getString("attachmentId")).code());
  }

  @Test
  void aSessionEndedByACrashIsCounted() {
    DsnApp app = SentryFixtures.create(dev);
    init(app.dsn(), o -> o.setDistinctId("install-9"));
    Sentry.setUser(userWithId("install-9"));
    Sentry.startSession();
    Sentry.endSession();
    Sentry.startSession();
    Mechanism m = new Mechanism();
    m.setHandled(false);
    m.setType("UncaughtExceptionHandler");
    Sentry.captureException(new ExceptionMechanismException(m, new IllegalStateException("fatal"), Thread.currentThread()));
    Sentry.endSession();
    Sentry.flush(10_000);

    Resp r = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/stats/sessions");
    assertEquals(200, r.status(), r::toString);
    JsonArray releases = r.json().getJsonArray("releases");
    assertEquals(1, releases.size(), r::toString);
    JsonObject rel = releases.getJsonObject(0);
    assertEquals("2.3.1+45", rel.getString("release"));
    JsonObject sessions = rel.getJsonObject("sessions");
    assertEquals(2, sessions.getInteger("started"), r::toString);
    assertEquals(1, sessions.getInteger("crashed"), r::toString);
    assertEquals(1, sessions.getInteger("exited"), r::toString);
    assertEquals(0.5, rel.getDouble("crashFreeSessions"), 1e-9);
    assertEquals(1, rel.getInteger("machines"));
    assertEquals(0.0, rel.getDouble("crashFreeMachines"), 1e-9);

    Resp summary = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/stats/summary");
    assertEquals(1, summary.json().getInteger("dau"), summary::toString);
  }

  @Test
  void aWrongDsnKeyIsRefused() {
    DsnApp app = SentryFixtures.create(dev);
    String wrong = app.dsn().replace(app.key(), "0123456789abcdef0123456789abcdef");
    init(wrong, o -> { });
    Sentry.captureException(new IllegalStateException("never stored"));
    Sentry.flush(10_000);
    assertEquals(0, issueList(app).size());
    // the same envelope over HTTP: 401 with a detail, which the SDK does not retry
    Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), "{}\n".getBytes(StandardCharsets.UTF_8),
        "Sentry sentry_key=0123456789abcdef0123456789abcdef", null);
    assertEquals(401, r.status());
    assertNotNull(r.json().getString("detail"));
  }

  private static User userWithId(String id) {
    User u = new User();
    u.setId(id);
    return u;
  }
}
