package dev.beacon.api.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import org.hibernate.Session;

/**
 * A machine (the HMAC of its id, as usage stores it) that hit an issue on an app version on a day
 * of the app's calendar: what release health counts machines with errors from
 * ({@link VersionErrors}).
 */
@Entity
@Table(name = "error_version_machine")
@IdClass(VersionMachine.Key.class)
public class VersionMachine {
  @Id
  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Id
  @Column(name = "app_version", length = 128)
  public String appVersion;

  @Id
  @Column(name = "seen_day")
  public LocalDate day;

  @Id
  @Column(name = "machine_hash", length = 64)
  public String machineHash;

  @Column(name = "app_id", nullable = false, length = 32)
  public String appId;

  /** The primary key. */
  public record Key(String issueId, String appVersion, LocalDate day, String machineHash) implements Serializable {}

  /**
   * Notes the event's machine under its issue, version and day, once (inside the ingest's
   * transaction); {@code rows} skips the lookup of a row known to be stored.
   */
  static void note(Session s, ErrorIssue issue, ErrorEvent e, LocalDate day, KnownRows.Seen rows) {
    String machine = e.machineId;
    if (machine == null || machine.length() > 64) {
      return;
    }
    String version = e.appVersion == null ? "" : e.appVersion;
    rows.ensure(s, VersionMachine.class, new Key(issue.issueId, version, day, machine), () -> {
      VersionMachine m = new VersionMachine();
      m.issueId = issue.issueId;
      m.appVersion = version;
      m.day = day;
      m.machineHash = machine;
      m.appId = issue.appId;
      return m;
    });
  }
}
