package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** One alert of an app with its delivery state: pending, sent, failed, or none (no destination). */
public record Alert(String alertId, String appId, String rule, String event, String text, String issueId,
    String versionId, String createdAt, String state, List<Delivery> deliveries) {
  /** Its delivery to one destination. */
  public record Delivery(String destinationId, String type, String name, String state, int attempts, String nextAt,
      String lastError, String sentAt) {
    static Delivery from(JsonObject o) {
      return new Delivery(Json.text(o, "destinationId"), Json.text(o, "type"), Json.textOrNull(o, "name"), Json.text(o, "state"),
          o.getInteger("attempts", 0), Json.textOrNull(o, "nextAt"), Json.textOrNull(o, "lastError"), Json.textOrNull(o, "sentAt"));
    }
  }

  static Alert from(String appId, JsonObject o) {
    return new Alert(Json.text(o, "alertId"), appId, Json.text(o, "rule"), Json.text(o, "event"), Json.text(o, "text"),
        Json.textOrNull(o, "issueId"), Json.textOrNull(o, "versionId"), Json.text(o, "createdAt"), Json.text(o, "state"),
        Json.list(o, "deliveries", Delivery::from));
  }

  /** The deliveries in one line: "sent to ops; failed to bot (HTTP 500)". */
  public String deliveryText() {
    if (deliveries.isEmpty()) {
      return "no destination";
    }
    StringBuilder b = new StringBuilder();
    for (Delivery d : deliveries) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(d.state()).append(" to ").append(d.name() == null ? d.type() : d.name());
      if (!"sent".equals(d.state()) && d.lastError() != null) {
        b.append(" (").append(d.lastError()).append(')');
      }
      if ("pending".equals(d.state()) && d.attempts() > 0) {
        b.append(", try ").append(d.attempts() + 1).append(" at ").append(d.nextAt());
      }
    }
    return b.toString();
  }
}
