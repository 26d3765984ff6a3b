package dev.beacon.api.errors;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.Dates;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.Session;

/** Files an error event under its issue and counts it there. */
final class IssueGrouper {
  private IssueGrouper() {}

  /**
   * Finds or opens the issue of the event's fingerprint, counts the event in it (event count,
   * machine, version, day) and sets {@code e.issueId}. Runs inside the caller's transaction, on a
   * new event before it is persisted or on a stored one (the start-up backfill); {@code known}
   * holds the issues this transaction has already locked, by app and fingerprint, so that a batch
   * looks each up once (and Hibernate need not flush before every lookup). The issue row
   * stays locked until the transaction ends, so one issue's counts change one event at a time. The
   * first events of a new bug take turns on the app row, so only one opens the issue; should two
   * still collide on the unique fingerprint, the caller runs the loser again. {@code rows} skips
   * the lookups of machine and environment rows known to be stored.
   */
  static ErrorIssue attach(Session s, App app, ErrorEvent e, Fingerprint fp, Map<String, ErrorIssue> known, KnownRows.Seen rows) {
    String key = app.appId + "/" + fp.hash();
    ErrorIssue issue = known.get(key);
    if (issue == null) {
      issue = lockedIssue(s, app, fp);
    }
    if (issue == null) {
      // a new bug: lock the app row so that racing first events of it open one issue, then look again
      s.lock(app, LockModeType.PESSIMISTIC_WRITE);
      issue = lockedIssue(s, app, fp);
    }
    if (issue == null) {
      issue = ErrorIssue.open(app.appId, fp, e.createdAt);
      s.persist(issue);
      s.flush();
    }
    known.put(key, issue);
    issue.count(e);
    countVersion(s, issue, e);
    countDay(s, issue, e);
    String machine = e.machineId;
    String issueId = issue.issueId;
    if (machine != null && rows.ensure(s, IssueMachine.class, new IssueMachine.Key(issueId, machine), () -> {
      IssueMachine m = new IssueMachine();
      m.issueId = issueId;
      m.machineHash = machine;
      return m;
    })) {
      issue.machineCount++;
    }
    VersionMachine.note(s, issue, e, LocalDate.ofInstant(e.createdAt, app.zone()), rows);
    String environment = e.environment;
    if (environment != null && !environment.isBlank()) {
      rows.ensure(s, IssueEnvironment.class, new IssueEnvironment.Key(issueId, environment), () -> {
        IssueEnvironment env = new IssueEnvironment();
        env.issueId = issueId;
        env.environment = environment;
        return env;
      });
    }
    e.issueId = issue.issueId;
    return issue;
  }

  /**
   * The issue of this fingerprint, locked: by its hash, else by the hash of the rules before
   * (an issue opened before them that has had no event since), which it then takes on.
   */
  private static ErrorIssue lockedIssue(Session s, App app, Fingerprint fp) {
    ErrorIssue issue = locked(s, app, fp.hash());
    if (issue == null && fp.previous() != null) {
      issue = locked(s, app, fp.previous());
      if (issue != null) {
        issue.fingerprint = fp.hash();
      }
    }
    return issue;
  }

  private static ErrorIssue locked(Session s, App app, String hash) {
    return s.createSelectionQuery("from ErrorIssue i where i.appId = :app and i.fingerprint = :fp", ErrorIssue.class)
        .setParameter("app", app.appId)
        .setParameter("fp", hash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList().stream().findFirst().orElse(null);
  }

  private static void countVersion(Session s, ErrorIssue issue, ErrorEvent e) {
    String version = e.appVersion == null ? "" : e.appVersion;
    IssueVersion v = s.find(IssueVersion.class, new IssueVersion.Key(issue.issueId, version));
    if (v == null) {
      v = new IssueVersion();
      v.issueId = issue.issueId;
      v.appVersion = version;
      v.firstSeen = e.createdAt;
      v.lastSeen = e.createdAt;
      s.persist(v);
    }
    v.eventCount++;
    if (e.createdAt.isBefore(v.firstSeen)) {
      v.firstSeen = e.createdAt;
    }
    if (e.createdAt.isAfter(v.lastSeen)) {
      v.lastSeen = e.createdAt;
    }
  }

  private static void countDay(Session s, ErrorIssue issue, ErrorEvent e) {
    LocalDate day = LocalDate.ofInstant(e.createdAt, Dates.zone());
    IssueDay d = s.find(IssueDay.class, new IssueDay.Key(issue.issueId, day));
    if (d == null) {
      d = new IssueDay();
      d.issueId = issue.issueId;
      d.day = day;
      s.persist(d);
    }
    d.eventCount++;
  }
}
