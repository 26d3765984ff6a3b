package dev.beacon.api.alerts;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * Where an app's alerts go: a webhook with the generic body ({@value #WEBHOOK}), Slack's or
 * Discord's body ({@value #SLACK}, {@value #DISCORD}) at its {@code target} URL, or an e-mail
 * address ({@value #EMAIL}). A webhook that answers 410 Gone is {@value #DISABLED}: nothing more
 * goes to it until the developer saves it again.
 */
@Entity
@Table(name = "alert_destination")
public class AlertDestination {
  static final String WEBHOOK = "webhook";
  static final String SLACK = "slack";
  static final String DISCORD = "discord";
  static final String EMAIL = "email";
  static final List<String> KINDS = List.of(WEBHOOK, SLACK, DISCORD, EMAIL);
  static final String ACTIVE = "active";
  static final String DISABLED = "disabled";

  @Id
  @Column(name = "destination_id", length = 32)
  public String destinationId;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  @Column(nullable = false, length = 16)
  public String kind;

  /** The URL of a webhook, the address of an e-mail. */
  @Column(nullable = false, length = 2000)
  public String target;

  @Column(length = 200)
  public String secret;

  @Column(length = 200)
  public String name;

  @Column(nullable = false, length = 16)
  public String state;

  @Column(name = "state_reason", length = 1000)
  public String stateReason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  boolean email() {
    return EMAIL.equals(kind);
  }

  /** As answers show it: the secret never, only whether there is one. */
  JsonObject json(long failed) {
    JsonObject o = new JsonObject()
        .put("destinationId", destinationId)
        .put("type", kind)
        .put("name", name)
        .put("hasSecret", secret != null)
        .put("state", state)
        .put("stateReason", stateReason)
        .put("failedDeliveries", failed)
        .put("createdAt", Dates.format(createdAt));
    return email() ? o.put("address", target) : o.put("url", target);
  }

  /** A short name for lists: its own, else the address. */
  String label() {
    return name != null ? name : target;
  }
}
