package dev.beacon.api.alerts;

import static dev.beacon.api.alerts.AlertFixtures.alerts;
import static dev.beacon.api.alerts.AlertFixtures.await;
import static dev.beacon.api.alerts.AlertFixtures.destination;
import static dev.beacon.api.alerts.AlertFixtures.ok;
import static dev.beacon.api.alerts.AlertFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook that never takes an alert: the tries stop once the retry period after the alert is
 * over (24 hours in production; 4 s here, set before the server starts, long enough for a second
 * try on a loaded machine), the delivery is then marked failed with the last answer, and the
 * destination shows the failed delivery.
 */
class DeliveryGivesUpTest {
  @RegisterExtension
  static final WebhookFixture fixture = new WebhookFixture(Map.of(
      "beacon.alerts.poll-ms", "100", "beacon.alerts.backoff-ms", "200", "beacon.alerts.retry-for-ms", "4000"));

  @Test
  void aDeliveryStillRefusedWhenTheRetryPeriodEndsIsMarkedFailedAndShown() throws Exception {
    TestApps.Created app = TestApps.create(fixture.dev);
    fixture.hooks.answer("/down", Collections.nCopies(200, 500).toArray(Integer[]::new));
    destination(fixture.dev, app.appId(), new JsonObject().put("type", "webhook").put("url", fixture.hooks.url("/down")));
    report(fixture.server, app, "OutOfMemoryError", "Java heap space", "1.0.0", "machine-1");

    await("the delivery marked failed", () -> "failed".equals(AlertFixtures.list(fixture.dev, app.appId()).get(0).getString("state")));
    JsonObject delivery = AlertFixtures.list(fixture.dev, app.appId()).get(0).getJsonArray("deliveries").getJsonObject(0);
    assertEquals("failed", delivery.getString("state"));
    assertTrue(delivery.getInteger("attempts") >= 2, "tried again before giving up: " + delivery.encode());
    assertEquals(delivery.getInteger("attempts"), fixture.hooks.hits("/down").size(), "each try is one request: " + delivery.encode());
    assertTrue(delivery.getString("lastError").contains("500"), delivery::encode);
    assertNull(delivery.getValue("nextAt"), "no further try planned");
    assertNull(delivery.getValue("sentAt"));

    int tries = fixture.hooks.hits("/down").size();
    Thread.sleep(1000); // ten polls of the outbox: a failed delivery is not taken up again
    assertEquals(tries, fixture.hooks.hits("/down").size(), "no try after the delivery failed");

    JsonObject dest = ok(fixture.dev.get(alerts(fixture.dev, app.appId()) + "/destinations")).getJsonArray("destinations").getJsonObject(0);
    assertEquals(1, dest.getInteger("failedDeliveries"), dest::encode);
    assertEquals("active", dest.getString("state"), "a 500 does not disable the webhook (only a 410 does): " + dest.encode());
  }
}
