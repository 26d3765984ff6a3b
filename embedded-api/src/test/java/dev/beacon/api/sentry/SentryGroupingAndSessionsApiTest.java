package dev.beacon.api.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.sentry.SentryFixtures.DsnApp;
import dev.beacon.api.sentry.SentryFixtures.Item;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One bug through all three doors lands in one issue; sessions count once however often they come. */
class SentryGroupingAndSessionsApiTest extends ServerTest {
  private static Api dev;

  @BeforeAll
  static void setUp() {
    dev = server.newDeveloper();
  }

  @Test
  void familyAFamilyBAndSentryEventsOfOneBugShareAnIssue() {
    DsnApp app = SentryFixtures.create(dev);
    String text = "java.lang.IllegalStateException: cannot parse settings.json\n"
        + "\tat com.acme.config.Parser.parse(Parser.java:42)\n"
        + "\tat com.acme.config.Loader.load(Loader.java:17)\n"
        + "\tat com.acme.Main.main(Main.java:9)\n";
    Resp a = server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", app.appKey()).put("machine_id", "m-1")
        .put("software_version", "1.4.2").put("error_type", "java.lang.IllegalStateException")
        .put("error_message", "cannot parse settings.json").put("error_stack", text.substring(text.indexOf('\n') + 1)));
    assertEquals(200, a.status(), a::toString);
    Resp b = server.anonymous().post("/v1/logs", new JsonObject().put("appId", app.appId()).put("appKey", app.appKey())
        .put("appVersion", "1.4.2").put("deviceId", "m-2").put("appPackage", "com.acme").put("context", text));
    assertEquals(200, b.status(), b::toString);
    String[][] frames = {{"com.acme.Main", "main"}, {"com.acme.config.Loader", "load"}, {"com.acme.config.Parser", "parse"}};
    JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "IllegalStateException", "java.lang",
        "cannot parse settings.json", "acme@1.4.3", frames);
    Resp s = SentryFixtures.post(server.anonymous(), app.envelopePath(),
        SentryFixtures.envelope(new JsonObject(), Item.of("event", ev, true)), app.auth(), null);
    assertEquals(200, s.status(), s::toString);

    JsonArray issues = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues").json().getJsonArray("issues");
    assertEquals(1, issues.size(), issues::encode);
    assertEquals(3, issues.getJsonObject(0).getInteger("count"));
    assertEquals(3, issues.getJsonObject(0).getInteger("machines"));
    assertEquals(new JsonArray().add("1.4.2").add("1.4.3"), issues.getJsonObject(0).getJsonArray("versions"));
  }

  @Test
  void theTelemetryApisCSharpClientAndTheDotNetSdkNameOneTypeAlikeAndShareAnIssue() {
    DsnApp app = SentryFixtures.create(dev);
    // the telemetry API's C# example reports ex.GetType().Name and ex.StackTrace
    String stack = "   at Acme.Sync.Uploader.Push(String path) in C:\\src\\Acme.Sync\\Uploader.cs:line 42\n"
        + "   at Acme.Sync.Program.Main(String[] args) in C:\\src\\Acme.Sync\\Program.cs:line 9\n";
    Resp a = server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", app.appKey()).put("machine_id", "pc-1")
        .put("software_version", "2.0.1").put("error_type", "NullReferenceException")
        .put("error_message", "Object reference not set to an instance of an object.").put("error_stack", stack));
    assertEquals(200, a.status(), a::toString);
    // the .NET SDK: the type's FullName, the assembly as its module, frames oldest call first
    JsonArray frames = new JsonArray()
        .add(new JsonObject().put("module", "Acme.Sync.Program").put("function", "Main").put("in_app", true))
        .add(new JsonObject().put("module", "Acme.Sync.Uploader").put("function", "Push").put("in_app", true));
    JsonObject ev = new JsonObject().put("event_id", SentryFixtures.eventId()).put("platform", "csharp").put("level", "error")
        .put("release", "Acme.Sync@2.0.1").put("user", new JsonObject().put("id", "pc-2"))
        .put("exception", new JsonObject().put("values", new JsonArray().add(new JsonObject()
            .put("type", "System.NullReferenceException").put("value", "Object reference not set to an instance of an object.")
            .put("module", "System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e")
            .put("stacktrace", new JsonObject().put("frames", frames)))));
    Resp s = SentryFixtures.post(server.anonymous(), app.storePath(), ev.encode().getBytes(), app.auth(), null);
    assertEquals(200, s.status(), s::toString);

    JsonArray issues = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues").json().getJsonArray("issues");
    assertEquals(1, issues.size(), issues::encode);
    assertEquals(2, issues.getJsonObject(0).getInteger("count"));
    assertEquals("Acme.Sync.Uploader.Push", issues.getJsonObject(0).getString("culprit"));
  }

  @Test
  void aSentryFingerprintWithDefaultSplitsAndKeepsGrouping() {
    DsnApp app = SentryFixtures.create(dev);
    String[][] frames = {{"com.acme.Main", "main"}, {"com.acme.Job", "run"}};
    for (String tenant : new String[] {"a", "b", "a"}) {
      JsonObject ev = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "com.acme", "x", "1.0", frames)
          .put("fingerprint", new JsonArray().add("{{ default }}").add(tenant));
      assertEquals(200, SentryFixtures.post(server.anonymous(), app.storePath(), ev.encode().getBytes(), app.auth(), null).status());
    }
    JsonObject empty = SentryFixtures.javaEvent(SentryFixtures.eventId(), "E", "com.acme", "x", "1.0", frames).put("fingerprint", new JsonArray());
    assertEquals(200, SentryFixtures.post(server.anonymous(), app.storePath(), empty.encode().getBytes(), app.auth(), null).status());
    JsonArray issues = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/issues?orderBy=count:desc").json().getJsonArray("issues");
    assertEquals(3, issues.size(), issues::encode);
    assertEquals(2, issues.getJsonObject(0).getInteger("count"));
  }

  private static JsonObject session(String sid, int seq, String status, int errors) {
    return new JsonObject().put("sid", sid).put("did", "install-" + sid).put("seq", seq).put("init", seq == 0).put("status", status)
        .put("errors", errors).put("started", "2026-12-04T09:00:00Z").put("timestamp", "2026-12-04T09:05:00Z")
        .put("attrs", new JsonObject().put("release", "desk@3.1.0").put("environment", "production"));
  }

  private static JsonObject releases(DsnApp app) {
    Resp r = dev.get("/v1/user/" + dev.openId + "/app/" + app.appId() + "/stats/sessions?environment=production");
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  @Test
  void replayedSessionUpdatesAndAggregatesCountOnce() {
    DsnApp app = SentryFixtures.create(dev);
    byte[] start = SentryFixtures.envelope(new JsonObject(), Item.of("session", session("s1", 0, "ok", 0), false));
    byte[] error = SentryFixtures.envelope(new JsonObject(), Item.of("session", session("s1", 1, "ok", 1), true));
    byte[] end = SentryFixtures.envelope(new JsonObject(), Item.of("session", session("s1", 2, "exited", 1), true));
    byte[] late = SentryFixtures.envelope(new JsonObject(), Item.of("session", session("s1", 3, "crashed", 1), true));
    byte[] aggregate = SentryFixtures.envelope(new JsonObject(), Item.of("sessions", new JsonObject()
        .put("aggregates", new JsonArray().add(new JsonObject().put("started", "2026-12-04T09:00:00Z").put("exited", 3).put("crashed", 1)))
        .put("attrs", new JsonObject().put("release", "desk@3.1.0")), false));
    for (byte[] body : new byte[][] {start, start, error, error, end, end, late, aggregate, aggregate}) {
      Resp r = SentryFixtures.post(server.anonymous(), app.envelopePath(), body, app.auth(), null);
      assertEquals(200, r.status(), r::toString);
    }
    JsonObject rel = releases(app).getJsonArray("releases").getJsonObject(0);
    assertEquals("3.1.0", rel.getString("release"));
    JsonObject counts = rel.getJsonObject("sessions");
    assertEquals(5, counts.getInteger("started"), rel::encode);
    assertEquals(4, counts.getInteger("exited"), rel::encode);
    assertEquals(1, counts.getInteger("errored"), rel::encode);
    assertEquals(1, counts.getInteger("crashed"), rel::encode);
    assertEquals(0.8, rel.getDouble("crashFreeSessions"), 1e-9);
    assertEquals(1, rel.getInteger("machines"));
    assertEquals(1.0, rel.getDouble("crashFreeMachines"), 1e-9);
  }
}
