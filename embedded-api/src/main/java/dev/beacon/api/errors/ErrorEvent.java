package dev.beacon.api.errors;

import dev.beacon.api.core.Dates;
import dev.beacon.api.shared.MachineHash;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored error, from either family:
 *
 * <ul>
 *   <li>{@value #REPORT}: family A's {@code POST /api/v1/error/report}. {@code error_type},
 *       {@code error_message}, {@code error_stack} and {@code os_info} go to their columns.
 *   <li>{@value #LOG}: family B's {@code POST /v1/logs}. The seed has only one text,
 *       {@code context} (a string, or an array of lines joined with newlines): it is stored whole
 *       in {@code message}, and its first line also in {@code error_type} so that both sources
 *       can be scanned by type. {@code appPackage} goes to {@code app_package}; stack and OS stay
 *       empty. {@code deviceId} (the seed calls it the device model) is kept as sent in
 *       {@code device_id}, because the seed's log list shows it back.
 * </ul>
 *
 * <p>Both families store the machine in {@code machine_id} as its {@link MachineHash} under the
 * app's secret, like heartbeats, never raw: family A's {@code machine_id} and family B's
 * {@code deviceId} of one machine hash the same, so it counts once.
 *
 * <p>Over-long texts are cut to the column sizes below, never refused.
 */
@Entity
@Table(name = "error_event")
public class ErrorEvent {
  public static final String REPORT = "report";
  public static final String LOG = "log";
  public static final String SENTRY = "sentry";

  public static final int MAX_TYPE = 512;
  public static final int MAX_MESSAGE = 20_000;
  public static final int MAX_STACK = 200_000;
  public static final int MAX_OS_INFO = 512;
  public static final int MAX_APP_VERSION = 128;
  public static final int MAX_MACHINE_ID = 255;
  public static final int MAX_APP_PACKAGE = 255;
  public static final int MAX_ENVIRONMENT = 64;
  public static final int MAX_RELEASE = 200;
  public static final int MAX_DETAILS = 1_000_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  /** {@value #REPORT} or {@value #LOG}. */
  @Column(nullable = false, length = 16)
  public String source;

  @Column(name = "error_type", length = MAX_TYPE)
  public String errorType;

  @Column(length = MAX_MESSAGE)
  public String message;

  @Column(length = MAX_STACK)
  public String stack;

  @Column(name = "os_info", length = MAX_OS_INFO)
  public String osInfo;

  @Column(name = "app_version", length = MAX_APP_VERSION)
  public String appVersion;

  /** The machine's {@link MachineHash}; {@code null} when the event names no machine. */
  @Column(name = "machine_id", length = MAX_MACHINE_ID)
  public String machineId;

  /** Family B's {@code deviceId} as sent; {@code null} for family A. */
  @Column(name = "device_id", length = MAX_MACHINE_ID)
  public String deviceId;

  @Column(name = "app_package", length = MAX_APP_PACKAGE)
  public String appPackage;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The issue the event was grouped into (see {@link IssueGrouper}). */
  @Column(name = "issue_id", length = 32)
  public String issueId;

  /** A Sentry event's {@code event_id} (32 hex digits), unique per app; {@code null} for the two families. */
  @Column(name = "event_uid", length = 32)
  public String eventUid;

  @Column(length = 16)
  public String level;

  @Column(length = MAX_ENVIRONMENT)
  public String environment;

  @Column(length = 32)
  public String platform;

  /** The release as the SDK sent it ({@code name@1.4.2+17}); {@code app_version} holds its version. */
  @Column(name = "release_name", length = MAX_RELEASE)
  public String releaseName;

  /** JSON: tags, contexts, user, breadcrumbs, sdk, extra, dist, server name and transaction, as received. */
  @Column(length = MAX_DETAILS)
  public String details;

  /**
   * The seed's {@code context}: a log's text as sent; for a report {@code "type: message"} (or
   * just the type when the message is empty).
   */
  public String context() {
    if (LOG.equals(source)) {
      return message;
    }
    return message == null || message.isEmpty() ? errorType : errorType + ": " + message;
  }

  /** An entry of {@code errlogList}: the seed's fields, then the stored details. */
  public JsonObject json() {
    return new JsonObject()
        .put("appId", appId)
        .put("appVersion", appVersion)
        .put("deviceId", deviceId != null ? deviceId : machineId)
        .put("appPackage", appPackage)
        .put("createDate", Dates.format(createdAt))
        .put("context", context())
        .put("id", id)
        .put("issueId", issueId)
        .put("source", source)
        .put("errorType", errorType)
        .put("message", message)
        .put("stack", stack)
        .put("osInfo", osInfo)
        .put("eventId", eventUid)
        .put("level", level)
        .put("environment", environment)
        .put("platform", platform)
        .put("release", releaseName);
  }

  /** The stored details as JSON (an empty object when there are none). */
  JsonObject detailsJson() {
    if (details == null || details.isEmpty()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(details);
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }
}
