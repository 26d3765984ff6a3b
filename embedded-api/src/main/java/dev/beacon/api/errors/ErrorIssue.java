package dev.beacon.api.errors;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Ids;
import dev.beacon.api.shared.VersionComparator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One bug of one app: all the error events with the same {@link Fingerprint}. Its counts (events,
 * machines, and per version and day in {@link IssueVersion} and {@link IssueDay}) are kept here
 * and outlive the raw events that retention prunes.
 *
 * <p>Status: {@value #UNRESOLVED}, {@value #RESOLVED} or {@value #IGNORED}. Resolving notes the
 * newest version the issue was seen in; an event later arriving from a newer version reopens it
 * with {@code regression} set. Events from that version or older ones (machines not yet updated)
 * are counted and leave it resolved. An ignored issue stays ignored.
 */
@Entity
@Table(name = "error_issue")
public class ErrorIssue {
  public static final String UNRESOLVED = "unresolved";
  public static final String RESOLVED = "resolved";
  public static final String IGNORED = "ignored";
  public static final List<String> STATUSES = List.of(UNRESOLVED, RESOLVED, IGNORED);

  static final int MAX_LAST_MESSAGE = 4000;

  @Id
  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  @Column(nullable = false, length = 64)
  public String fingerprint;

  @Column(name = "error_type", length = ErrorEvent.MAX_TYPE)
  public String errorType;

  @Column(nullable = false, length = 1000)
  public String title;

  @Column(length = 1000)
  public String culprit;

  /** The message of the newest event, for text search. */
  @Column(name = "last_message", length = MAX_LAST_MESSAGE)
  public String lastMessage;

  @Column(nullable = false, length = 16)
  public String status;

  @Column(nullable = false)
  public boolean regression;

  @Column(name = "event_count", nullable = false)
  public long eventCount;

  @Column(name = "machine_count", nullable = false)
  public long machineCount;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  /** The newest version the issue had been seen in when it was resolved. */
  @Column(name = "resolved_version", length = ErrorEvent.MAX_APP_VERSION)
  public String resolvedVersion;

  /** Set by {@link #count} when that event reopened the issue; read and cleared by the ingest's listeners. */
  @jakarta.persistence.Transient
  boolean reopened;

  /** A new, still empty issue for a fingerprint; {@link #count} adds its first event. */
  static ErrorIssue open(String appId, Fingerprint fp, Instant at) {
    ErrorIssue i = new ErrorIssue();
    i.issueId = Ids.newId();
    i.appId = appId;
    i.fingerprint = fp.hash();
    i.errorType = Body.truncate(fp.type(), ErrorEvent.MAX_TYPE);
    i.title = fp.title();
    i.culprit = fp.culprit();
    i.status = UNRESOLVED;
    i.firstSeen = at;
    i.lastSeen = at;
    return i;
  }

  /** Counts one more event (machines are counted apart); a newer version reopens a resolved issue. */
  void count(ErrorEvent e) {
    eventCount++;
    if (e.createdAt.isBefore(firstSeen)) {
      firstSeen = e.createdAt;
    }
    if (!e.createdAt.isBefore(lastSeen)) {
      lastSeen = e.createdAt;
      lastMessage = Body.truncate(e.message, MAX_LAST_MESSAGE);
    }
    if (RESOLVED.equals(status) && (resolvedVersion == null || VersionComparator.INSTANCE.newer(e.appVersion, resolvedVersion))) {
      status = UNRESOLVED;
      regression = true;
      resolvedAt = null;
      resolvedVersion = null;
      reopened = true;
    }
  }

  /** Resolved as of now, in every version up to {@code newestVersion}. */
  void resolve(Instant now, String newestVersion) {
    status = RESOLVED;
    regression = false;
    resolvedAt = now;
    resolvedVersion = newestVersion;
  }

  void ignore() {
    status = IGNORED;
    regression = false;
    resolvedAt = null;
    resolvedVersion = null;
  }

  void reopen() {
    status = UNRESOLVED;
    regression = false;
    resolvedAt = null;
    resolvedVersion = null;
  }

  /** An entry of the issue list; {@code versions} are the versions affected, oldest first. */
  JsonObject json(List<String> versions) {
    return new JsonObject()
        .put("issueId", issueId)
        .put("title", title)
        .put("culprit", culprit)
        .put("type", errorType)
        .put("status", status)
        .put("regression", regression)
        .put("count", eventCount)
        .put("machines", machineCount)
        .put("versions", new JsonArray(versions))
        .put("firstSeen", Dates.format(firstSeen))
        .put("lastSeen", Dates.format(lastSeen))
        .put("resolvedAt", Dates.format(resolvedAt))
        .put("resolvedVersion", resolvedVersion);
  }
}
