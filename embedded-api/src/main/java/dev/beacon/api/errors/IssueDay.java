package dev.beacon.api.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/** How often an issue was seen on one calendar day (the server's zone). */
@Entity
@Table(name = "error_issue_day")
@IdClass(IssueDay.Key.class)
public class IssueDay {
  @Id
  @Column(name = "issue_id", length = 32)
  public String issueId;

  @Id
  @Column(name = "seen_day")
  public LocalDate day;

  @Column(name = "event_count", nullable = false)
  public long eventCount;

  /** The primary key. */
  public record Key(String issueId, LocalDate day) implements Serializable {}
}
