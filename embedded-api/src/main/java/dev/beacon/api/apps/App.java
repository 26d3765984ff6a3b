package dev.beacon.api.apps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A developer's app: its key authenticates the client endpoints of both families. */
@Entity
@Table(name = "app")
public class App {
  public static final int ACTIVE = 0;
  public static final int FROZEN = 1;

  public static final int ANDROID = 1;
  public static final int IOS = 2;
  public static final int HYBRID = 3;

  @Id
  @Column(name = "app_id", length = 32)
  public String appId;

  /** The owning developer. */
  @Column(name = "open_id", nullable = false, length = 32)
  public String openId;

  @Column(nullable = false)
  public String name;

  /** 1 Android, 2 iOS, 3 hybrid; cannot be edited. */
  @Column(nullable = false)
  public int platform;

  @Column(name = "description", length = 4000)
  public String desc;

  @Column(length = 2000)
  public String icon;

  @Column(name = "app_key", nullable = false, length = 64)
  public String appKey;

  /** Per-app secret for hashing machine ids (HMAC); never leaves the server. */
  @Column(nullable = false, length = 64)
  public String secret;

  /** The project number of the app's Sentry DSN: small and unique among the apps. */
  @Column(name = "sentry_project_id", nullable = false)
  public int sentryProjectId;

  /** The public key of the app's Sentry DSN (not the app key: the two are rotated apart). */
  @Column(name = "sentry_key", nullable = false, length = 64)
  public String sentryKey;

  /** 0 active, 1 frozen. */
  @Column(nullable = false)
  public int status;

  /** The IANA time zone of the app's calendar days (usage stats); {@code null} follows the server's zone. */
  @Column(name = "time_zone", length = 64)
  public String timeZone;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The zone the app's days are counted in: its own, or the server's. */
  public java.time.ZoneId zone() {
    return zoneOf(timeZone);
  }

  /** A stored zone id as a zone; {@code null} (or an id this JVM no longer knows) is the server's. */
  public static java.time.ZoneId zoneOf(String timeZone) {
    if (timeZone == null) {
      return dev.beacon.api.core.Dates.zone();
    }
    try {
      return java.time.ZoneId.of(timeZone);
    } catch (java.time.DateTimeException e) {
      return dev.beacon.api.core.Dates.zone();
    }
  }

  public boolean frozen() {
    return status == FROZEN;
  }
}
