package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.alerts;
import static dev.beacon.api.alerts.AlertFixtures.await;
import static dev.beacon.api.alerts.AlertFixtures.destination;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static dev.beacon.api.alerts.AlertFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alerts delivered to webhooks on a real local HTTP server: the generic body and its signature,
 * retries with backoff after a 500, Slack's and Discord's bodies in their documented shapes, a 410
 * that disables the webhook, and the test button.
 */
class WebhookDeliveryTest {
  @RegisterExtension
  static final WebhookFixture fixture = new WebhookFixture(Map.of("beacon.alerts.poll-ms", "100", "beacon.alerts.backoff-ms", "300"));

  @Test
  void aNewIssueReachesTheWebhookWithTheGenericBodySignedWithTheSecret() throws Exception {
    TestApps.Created app = TestApps.create(fixture.dev);
    destination(fixture.dev, app.appId(),
        new JsonObject().put("type", "webhook").put("url", fixture.hooks.url("/generic")).put("secret", "topsecret"));
    String issueId = report(fixture.server, app, "NullPointerException", "customer was null", "1.4.0", "machine-1");

    await("the webhook call", () -> !fixture.hooks.hits("/generic").isEmpty());
    Hooks.Hit hit = fixture.hooks.hits("/generic").get(0);
    String expected = "sha256=" + hmac("topsecret", hit.body());
    assertEquals(expected, hit.header("X-Beacon-Signature"), "HMAC-SHA256 of the exact body, in hex");
    JsonObject body = hit.json();
    assertEquals("new_issue", body.getString("event"));
    assertEquals(app.appId(), body.getJsonObject("app").getString("appId"));
    assertNotNull(body.getJsonObject("app").getString("name"));
    JsonObject issue = body.getJsonObject("issue");
    assertEquals(issueId, issue.getString("issueId"));
    assertTrue(issue.getString("title").contains("NullPointerException"), issue::encode);
    assertEquals(1, issue.getLong("count"));
    assertEquals(1, issue.getLong("machines"));
    assertTrue(issue.getString("url").endsWith("/app/" + app.appId() + "/issues/" + issueId), issue::encode);
    assertTrue(issue.getString("url").startsWith("http://127.0.0.1:"), issue::encode);
    assertEquals("1.4.0", body.getJsonObject("version").getString("version"));
    assertTrue(body.getString("text").contains("New issue"), body::encode);

    await("the delivery recorded as sent", () -> "sent".equals(AlertFixtures.list(fixture.dev, app.appId()).get(0).getString("state")));
    report(fixture.server, app, "NullPointerException", "customer was null", "1.4.0", "machine-2");
    assertEquals(1, AlertFixtures.list(fixture.dev, app.appId()).size(), "a second event of the same issue raises nothing");
  }

  @Test
  void aWebhookThatAnswers500IsTriedAgainUntilItTakesTheAlert() throws Exception {
    TestApps.Created app = TestApps.create(fixture.dev);
    fixture.hooks.answer("/flaky", 500, 500);
    destination(fixture.dev, app.appId(), new JsonObject().put("type", "webhook").put("url", fixture.hooks.url("/flaky")));
    report(fixture.server, app, "IllegalStateException", "closed", "2.0.0", "machine-1");

    await("three tries", () -> fixture.hooks.hits("/flaky").size() >= 3);
    await("the delivery recorded as sent", () -> "sent".equals(AlertFixtures.list(fixture.dev, app.appId()).get(0).getString("state")));
    JsonObject delivery = AlertFixtures.list(fixture.dev, app.appId()).get(0).getJsonArray("deliveries").getJsonObject(0);
    assertEquals(3, delivery.getInteger("attempts"), delivery::encode);
    assertEquals("sent", delivery.getString("state"));
    assertNotNull(delivery.getString("sentAt"));
    List<Hooks.Hit> tries = fixture.hooks.hits("/flaky");
    assertEquals(3, tries.size(), "sent once it was taken");
    assertEquals(tries.get(0).body(), tries.get(2).body(), "the same alert each time");
  }

  @Test
  void slackGetsItsIncomingWebhookBodyAndDiscordItsExecuteWebhookBody() throws Exception {
    TestApps.Created app = TestApps.create(fixture.dev);
    destination(fixture.dev, app.appId(), new JsonObject().put("type", "slack").put("url", fixture.hooks.url("/slack")));
    destination(fixture.dev, app.appId(), new JsonObject().put("type", "discord").put("url", fixture.hooks.url("/discord")));
    report(fixture.server, app, "ArithmeticException", "/ by zero <&>", "3.1.0", "machine-1");
    await("slack and discord", () -> !fixture.hooks.hits("/slack").isEmpty() && !fixture.hooks.hits("/discord").isEmpty());

    // Slack (api.slack.com, incoming webhooks and Block Kit): "text" is the fallback, "blocks" layout blocks;
    // a section's text is a text object {type: mrkdwn|plain_text, text <= 3000}; a context block has elements
    JsonObject slack = fixture.hooks.hits("/slack").get(0).json();
    assertTrue(slack.getString("text").contains("ArithmeticException"), slack::encode);
    assertTrue(slack.getString("text").contains("&lt;&amp;&gt;"), "Slack's control characters escaped: " + slack.getString("text"));
    JsonArray blocks = slack.getJsonArray("blocks");
    assertFalse(blocks.isEmpty());
    assertTrue(blocks.size() <= 50);
    for (Object o : blocks) {
      JsonObject b = (JsonObject) o;
      assertTrue(Set.of("section", "context").contains(b.getString("type")), b::encode);
      if ("section".equals(b.getString("type"))) {
        JsonObject text = b.getJsonObject("text");
        assertEquals("mrkdwn", text.getString("type"));
        assertTrue(text.getString("text").length() <= 3000);
        assertTrue(text.getString("text").contains("/issues/"), "the issue's link: " + text.getString("text"));
      } else {
        assertFalse(b.getJsonArray("elements").isEmpty());
        b.getJsonArray("elements").forEach(e -> assertEquals("mrkdwn", ((JsonObject) e).getString("type")));
      }
    }

    // Discord (discord.com/developers, Execute Webhook): content <= 2000, at most 10 embeds, an embed's
    // title <= 256, description <= 4096, url, integer color, at most 25 fields of {name, value, inline}
    JsonObject discord = fixture.hooks.hits("/discord").get(0).json();
    assertTrue(discord.getString("content").contains("ArithmeticException"));
    assertTrue(discord.getString("content").length() <= 2000);
    JsonArray embeds = discord.getJsonArray("embeds");
    assertTrue(embeds.size() >= 1 && embeds.size() <= 10);
    JsonObject embed = embeds.getJsonObject(0);
    assertTrue(embed.getString("title").length() <= 256);
    assertTrue(embed.getString("description").length() <= 4096);
    assertTrue(embed.getString("url").contains("/issues/"));
    assertTrue(embed.getValue("color") instanceof Integer, embed::encode);
    JsonArray fields = embed.getJsonArray("fields");
    assertTrue(fields.size() <= 25);
    fields.forEach(f -> {
      JsonObject field = (JsonObject) f;
      assertFalse(field.getString("name").isEmpty());
      assertFalse(field.getString("value").isEmpty());
      assertTrue(field.getString("value").length() <= 1024);
    });
    assertNull(fixture.hooks.hits("/slack").get(0).header("X-Beacon-Signature"), "no secret, no signature");
  }

  @Test
  void aWebhookThatAnswers410IsDisabledAndShownSo() throws Exception {
    TestApps.Created app = TestApps.create(fixture.dev);
    fixture.hooks.answer("/gone", 410);
    JsonObject d = destination(fixture.dev, app.appId(), new JsonObject().put("type", "webhook").put("url", fixture.hooks.url("/gone")));
    report(fixture.server, app, "TimeoutException", "slow", "1.0.0", "machine-1");

    await("the alert failed", () -> "failed".equals(AlertFixtures.list(fixture.dev, app.appId()).get(0).getString("state")));
    JsonObject dest = ok(fixture.dev.get(alerts(fixture.dev, app.appId()) + "/destinations")).getJsonArray("destinations").getJsonObject(0);
    assertEquals("disabled", dest.getString("state"));
    assertTrue(dest.getString("stateReason").contains("410"), dest::encode);
    assertEquals(1, dest.getInteger("failedDeliveries"));
    report(fixture.server, app, "OtherException", "another bug", "1.0.0", "machine-1");
    JsonObject second = AlertFixtures.list(fixture.dev, app.appId()).get(0);
    assertEquals("none", second.getString("state"), "nothing more goes to a disabled webhook: " + second.encode());
    assertEquals(1, fixture.hooks.hits("/gone").size());

    JsonObject saved = ok(fixture.dev.put(alerts(fixture.dev, app.appId()) + "/destinations/" + d.getString("destinationId"),
        new JsonObject()))
        .getJsonObject("destination");
    assertEquals("active", saved.getString("state"), "saving it again makes it active");
  }

  @Test
  void theTestButtonSendsATestAlertNowAndSaysHowItWent() throws Exception {
    TestApps.Created app = TestApps.create(fixture.dev);
    JsonObject d = destination(fixture.dev, app.appId(),
        new JsonObject().put("type", "webhook").put("url", fixture.hooks.url("/button")).put("secret", "k"));
    JsonObject answer = pressTest(app, d);
    assertTrue(answer.getBoolean("sent"), answer::encode);
    assertEquals("HTTP 200", answer.getString("detail"));
    Hooks.Hit hit = fixture.hooks.hits("/button").get(0);
    assertEquals("test", hit.json().getString("event"));
    assertEquals("sha256=" + hmac("k", hit.body()), hit.header("X-Beacon-Signature"));

    fixture.hooks.answer("/button", 503);
    JsonObject failed = pressTest(app, d);
    assertFalse(failed.getBoolean("sent"));
    assertTrue(failed.getString("detail").startsWith("HTTP 503"), failed::encode);

    JsonObject dead = destination(fixture.dev, app.appId(),
        new JsonObject().put("type", "webhook").put("url", "http://127.0.0.1:1/nothing"));
    JsonObject refused = pressTest(app, dead);
    assertFalse(refused.getBoolean("sent"));
    assertNotNull(refused.getString("detail"));
  }

  /** The destination's test button, as answered. */
  private static JsonObject pressTest(TestApps.Created app, JsonObject destination) {
    return ok(fixture.dev.post(alerts(fixture.dev, app.appId()) + "/destinations/" + destination.getString("destinationId") + "/test",
        new JsonObject()));
  }

  static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
