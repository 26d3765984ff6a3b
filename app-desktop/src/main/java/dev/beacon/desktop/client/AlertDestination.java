package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * Where an app's alerts go: a webhook (generic, slack or discord body) at {@code url}, or an
 * e-mail {@code address}; {@code state} is active, or disabled after the webhook answered 410.
 */
public record AlertDestination(String destinationId, String type, String url, String address, String name,
    boolean hasSecret, String state, String stateReason, long failedDeliveries) {
  static AlertDestination from(JsonObject o) {
    return new AlertDestination(Json.text(o, "destinationId"), Json.text(o, "type"), Json.text(o, "url"),
        Json.text(o, "address"), Json.textOrNull(o, "name"), Json.flag(o, "hasSecret"), Json.text(o, "state"),
        Json.textOrNull(o, "stateReason"), Json.number(o, "failedDeliveries", 0));
  }

  /** The URL or the address. */
  public String target() {
    return "email".equals(type) ? address : url;
  }

  public boolean disabled() {
    return "disabled".equals(state);
  }

  /** What the destination list shows as its state. */
  public String stateText() {
    if (disabled()) {
      return "Disabled (410)";
    }
    return failedDeliveries > 0 ? "Active, " + failedDeliveries + " failed" : "Active";
  }
}
