package dev.beacon.api.alerts;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * An alert's delivery to one destination: {@value #PENDING} (tried again at {@code nextAt}),
 * {@value #SENT}, or {@value #FAILED} (tries ran out, or the destination was disabled).
 */
@Entity
@Table(name = "alert_delivery")
@IdClass(AlertDelivery.Key.class)
public class AlertDelivery {
  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String FAILED = "failed";

  @Id
  @Column(name = "alert_id", length = 32)
  public String alertId;

  @Id
  @Column(name = "destination_id", length = 32)
  public String destinationId;

  @Column(nullable = false, length = 16)
  public String state;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_at", nullable = false)
  public Instant nextAt;

  @Column(name = "last_error", length = 1000)
  public String lastError;

  @Column(name = "sent_at")
  public Instant sentAt;

  /** The instance sending it now (its member id), until {@link #claimedUntil}; null when none is. */
  @Column(name = "claimed_by", length = 64)
  public String claimedBy;

  @Column(name = "claimed_until")
  public Instant claimedUntil;

  public record Key(String alertId, String destinationId) implements Serializable {
    /** The delivery's id for receivers ({@code Idempotency-Key}): the same on every try. */
    String id() {
      return alertId + "-" + destinationId;
    }
  }

  JsonObject json(AlertDestination d) {
    return new JsonObject()
        .put("destinationId", destinationId)
        .put("type", d == null ? null : d.kind)
        .put("name", d == null ? null : d.label())
        .put("state", state)
        .put("attempts", attempts)
        .put("nextAt", PENDING.equals(state) ? Dates.format(nextAt) : null)
        .put("lastError", lastError)
        .put("sentAt", Dates.format(sentAt));
  }
}
