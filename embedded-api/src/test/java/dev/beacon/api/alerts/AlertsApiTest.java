package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.alerts;
import static dev.beacon.api.alerts.AlertFixtures.destination;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alerts API: rules with their defaults, destinations, access, and the admin's SMTP settings. */
class AlertsApiTest extends ServerTest {
  private static Api dev;
  private static Api other;
  private static TestApps.Created app;

  @BeforeAll
  static void setUp() {
    dev = server.newDeveloper();
    other = server.newDeveloper();
    app = TestApps.create(dev);
  }

  @Test
  void aNewAppHasNewIssueAndRegressionOnAndTheOthersOff() {
    JsonArray rules = ok(dev.get(alerts(dev, app.appId()) + "/rules")).getJsonArray("rules");
    Map<String, JsonObject> byName = rules.stream().map(o -> (JsonObject) o)
        .collect(Collectors.toMap(r -> r.getString("rule"), r -> r));
    assertEquals(4, byName.size(), rules::encode);
    assertTrue(byName.get("new_issue").getBoolean("enabled"));
    assertTrue(byName.get("regression").getBoolean("enabled"));
    assertFalse(byName.get("spike").getBoolean("enabled"));
    assertFalse(byName.get("rollout_health").getBoolean("enabled"));
    assertFalse(byName.get("rollout_health").getBoolean("autoHalt"), "auto-halt is off by default");
    byName.values().forEach(r -> assertEquals(60, r.getInteger("quietMinutes"), r::encode));
  }

  @Test
  void aRuleChangesOnlyTheFieldsSentAndRefusesFieldsThatDoNotApply() {
    TestApps.Created a = TestApps.create(dev);
    JsonObject changed = AlertFixtures.rule(dev, a.appId(), "rollout_health",
        new JsonObject().put("enabled", true).put("threshold", 0.9).put("autoHalt", true));
    assertTrue(changed.getBoolean("enabled"));
    assertEquals(0.9, changed.getDouble("threshold"));
    assertEquals(20, changed.getInteger("minMachines"), "a field not sent keeps its value");
    assertTrue(changed.getBoolean("autoHalt"));
    JsonObject again = AlertFixtures.rule(dev, a.appId(), "rollout_health", new JsonObject().put("quietMinutes", 15));
    assertEquals(0.9, again.getDouble("threshold"));
    assertEquals(15, again.getInteger("quietMinutes"));

    assertEquals(4000, dev.put(alerts(dev, a.appId()) + "/rules/spike", new JsonObject().put("minMachines", 3)).code());
    assertEquals(4000, dev.put(alerts(dev, a.appId()) + "/rules/rollout_health", new JsonObject().put("threshold", 5)).code());
    assertEquals(4000, dev.put(alerts(dev, a.appId()) + "/rules/new_issue", new JsonObject().put("quietMinutes", -1)).code());
    assertEquals(4004, dev.put(alerts(dev, a.appId()) + "/rules/everything", new JsonObject().put("enabled", true)).code());
  }

  @Test
  void destinationsAreAddedChangedAndRemovedAndTheSecretIsNeverShown() {
    TestApps.Created a = TestApps.create(dev);
    JsonObject hook = destination(dev, a.appId(), new JsonObject().put("type", "webhook")
        .put("url", "http://192.168.1.20:9000/beacon").put("secret", "s3cr3t-value").put("name", "home bot"));
    assertEquals("webhook", hook.getString("type"));
    assertEquals("http://192.168.1.20:9000/beacon", hook.getString("url"), "a LAN address is fine");
    assertTrue(hook.getBoolean("hasSecret"));
    assertEquals("active", hook.getString("state"));
    Resp listed = dev.get(alerts(dev, a.appId()) + "/destinations");
    assertFalse(listed.raw().contains("s3cr3t-value"), listed::toString);

    String id = hook.getString("destinationId");
    JsonObject renamed = ok(dev.put(alerts(dev, a.appId()) + "/destinations/" + id,
        new JsonObject().put("name", "ops").put("secret", ""))).getJsonObject("destination");
    assertEquals("ops", renamed.getString("name"));
    assertFalse(renamed.getBoolean("hasSecret"), "an empty secret removes it");
    assertEquals("http://192.168.1.20:9000/beacon", renamed.getString("url"));

    JsonObject mail = destination(dev, a.appId(), new JsonObject().put("type", "email").put("address", "ops@example.com"));
    assertEquals("ops@example.com", mail.getString("address"));
    assertNull(mail.getString("url"));

    ok(dev.delete(alerts(dev, a.appId()) + "/destinations/" + id));
    JsonArray left = ok(dev.get(alerts(dev, a.appId()) + "/destinations")).getJsonArray("destinations");
    assertEquals(1, left.size(), left::encode);
    assertEquals(4004, dev.delete(alerts(dev, a.appId()) + "/destinations/" + id).code());
  }

  @Test
  void badDestinationsAreRefusedWithTheReason() {
    String path = alerts(dev, app.appId()) + "/destinations";
    Resp ftp = dev.post(path, new JsonObject().put("type", "webhook").put("url", "ftp://example.com/x"));
    assertEquals(4000, ftp.code());
    assertTrue(ftp.msg().contains("http or https"), ftp::toString);
    assertEquals(4000, dev.post(path, new JsonObject().put("type", "pager").put("url", "https://example.com")).code());
    assertEquals(4000, dev.post(path, new JsonObject().put("type", "email")).code());
    assertEquals(4000, dev.post(path, new JsonObject().put("type", "email").put("address", "not an address")).code());
    assertEquals(4000, dev.post(path, new JsonObject().put("type", "slack")).code());
    assertEquals(4000, dev.post(path, new JsonObject().put("type", "email").put("address", "a@example.com").put("secret", "x")).code());
  }

  @Test
  void anotherDevelopersAppIsNotFoundButAnAdminReachesAnyApp() {
    assertEquals(4004, other.get(alerts(other, app.appId()) + "/rules").code());
    assertEquals(4004, other.get(alerts(other, app.appId())).code());
    assertEquals(4004, other.post(alerts(other, app.appId()) + "/destinations",
        new JsonObject().put("type", "webhook").put("url", "https://example.com/x")).code());
    Api admin = server.admin();
    assertEquals(4, ok(admin.get(alerts(admin, app.appId()) + "/rules")).getJsonArray("rules").size());
  }

  @Test
  void theSmtpSettingsAreTheAdminsAndThePasswordIsNeverAnswered() {
    assertEquals(403, dev.get("/v1/admin/alerts/smtp").status());
    Api admin = server.admin();
    Resp set = admin.put("/v1/admin/alerts/smtp", new JsonObject().put("host", "smtp.example.com").put("port", 587)
        .put("security", "starttls").put("user", "beacon").put("password", "mail-pass-123").put("from", "beacon@example.com"));
    JsonObject smtp = ok(set).getJsonObject("smtp");
    assertTrue(smtp.getBoolean("passwordSet"));
    assertFalse(set.raw().contains("mail-pass-123"), set::toString);
    Resp read = admin.get("/v1/admin/alerts/smtp");
    assertEquals("smtp.example.com", ok(read).getJsonObject("smtp").getString("host"));
    assertFalse(read.raw().contains("mail-pass-123"), read::toString);
    JsonObject kept = ok(admin.put("/v1/admin/alerts/smtp", new JsonObject().put("host", "smtp.example.com").put("port", 465)
        .put("security", "tls").put("from", "beacon@example.com"))).getJsonObject("smtp");
    assertTrue(kept.getBoolean("passwordSet"), "a password not sent is kept");
    assertEquals(4000, admin.put("/v1/admin/alerts/smtp", new JsonObject().put("host", "h").put("port", 25)
        .put("security", "ssl3").put("from", "b@example.com")).code());
  }
}
