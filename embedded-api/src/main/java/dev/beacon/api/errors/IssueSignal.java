package dev.beacon.api.errors;

import java.time.Instant;
import org.hibernate.Session;

/**
 * One stored error event as an {@link IssueListener} sees it: its issue's figures after the event
 * was counted, and whether the event opened the issue or reopened it as a regression.
 */
public final class IssueSignal {
  private final Session s;
  private final ErrorIssue issue;
  private final ErrorEvent event;
  private final boolean opened;
  private final boolean regressed;

  IssueSignal(Session s, ErrorIssue issue, ErrorEvent event, boolean opened, boolean regressed) {
    this.s = s;
    this.issue = issue;
    this.event = event;
    this.opened = opened;
    this.regressed = regressed;
  }

  public String appId() { return issue.appId; }
  public String issueId() { return issue.issueId; }
  public String title() { return issue.title; }
  public String culprit() { return issue.culprit; }
  public long count() { return issue.eventCount; }
  public long machines() { return issue.machineCount; }
  /** The app version the event came from ("" when it named none). */
  public String version() { return event.appVersion == null ? "" : event.appVersion; }
  public Instant at() { return event.createdAt; }
  /** The event opened a new issue. */
  public boolean newIssue() { return opened; }
  /** The event reopened a resolved issue (a newer version has it again). */
  public boolean regression() { return regressed; }

  /** The issue's stored events in {@code [from, to)} (this one included once flushed). */
  public long events(Instant from, Instant to) {
    return s.createSelectionQuery(
            "select count(e) from ErrorEvent e where e.issueId = :i and e.createdAt >= :f and e.createdAt < :t", Long.class)
        .setParameter("i", issue.issueId).setParameter("f", from).setParameter("t", to)
        .getSingleResult();
  }
}
