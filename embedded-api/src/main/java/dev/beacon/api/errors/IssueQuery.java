package dev.beacon.api.errors;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.DateRange;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;

/**
 * The filters of an app's issue list: {@code status}, {@code version} (issues seen in it),
 * {@code environment} (issues seen in it: Sentry events name theirs),
 * {@code q} (case-insensitive text in the title or the newest message), {@code since} and
 * {@code until} (issues seen between them: last seen at or after {@code since}, first seen at or
 * before {@code until}; {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, a bare {@code until}
 * date counting to the end of that day), ordered by {@code last_seen}, {@code first_seen},
 * {@code count} or {@code machines}.
 */
record IssueQuery(String status, String version, String environment, String text, DateRange seen, Paging paging) {
  static final int MAX_TEXT = 200;

  private static final Ordering ORDER = Ordering.of(Map.of(
      "last_seen", "lastSeen", "lastSeen", "lastSeen",
      "first_seen", "firstSeen", "firstSeen", "firstSeen",
      "count", "eventCount",
      "machines", "machineCount"), "last_seen:desc", "issueId").tiesAsOrdered();

  static IssueQuery of(Params p) {
    String status = p.get("status");
    if (status != null && !ErrorIssue.STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
      throw ApiException.badParameter("status must be one of " + String.join(", ", ErrorIssue.STATUSES) + ", got '" + status + "'");
    }
    String text = p.get("q");
    if (text != null && text.length() > MAX_TEXT) {
      throw ApiException.badParameter("q is longer than " + MAX_TEXT + " characters");
    }
    DateRange seen = DateRange.of(p, "since", "until");
    return new IssueQuery(status == null ? null : status.toLowerCase(Locale.ROOT), p.get("version"), p.get("environment"), text, seen,
        Paging.from(p, ORDER));
  }

  Page<ErrorIssue> run(Session s, String appId) {
    return ListQuery.of(ErrorIssue.class, "i")
        .equal("i.appId", appId)
        .equal("i.status", status)
        .where("exists (select 1 from IssueVersion v where v.issueId = i.issueId and v.appVersion = :version)", "version", version)
        .where("exists (select 1 from IssueEnvironment n where n.issueId = i.issueId and n.environment = :environment)",
            "environment", environment)
        .contains(text, "i.title", "i.lastMessage")
        .atLeast("i.lastSeen", seen.from())
        .atMost("i.firstSeen", seen.to())
        .page(s, ErrorIssue.class, paging);
  }
}
