package dev.beacon.api.errors;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;

/**
 * The filters of an app's issue list: {@code status}, {@code version} (issues seen in it),
 * {@code q} (case-insensitive text in the title or the newest message), {@code since} and
 * {@code until} (issues seen between them: last seen at or after {@code since}, first seen at or
 * before {@code until}; {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, a bare {@code until}
 * date counting to the end of that day), ordered by {@code last_seen}, {@code first_seen},
 * {@code count} or {@code machines}.
 */
record IssueQuery(String status, String version, String text, Instant since, Instant until, Paging paging) {
  static final int MAX_TEXT = 200;

  private static final Map<String, String> ORDER_COLUMNS = Map.of(
      "last_seen", "lastSeen", "lastSeen", "lastSeen",
      "first_seen", "firstSeen", "firstSeen", "firstSeen",
      "count", "eventCount",
      "machines", "machineCount");

  static IssueQuery of(Params p) {
    String status = p.get("status");
    if (status != null && !ErrorIssue.STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
      throw ApiException.badParameter("status must be one of " + String.join(", ", ErrorIssue.STATUSES) + ", got '" + status + "'");
    }
    String text = p.get("q");
    if (text != null && text.length() > MAX_TEXT) {
      throw ApiException.badParameter("q is longer than " + MAX_TEXT + " characters");
    }
    Instant since = p.get("since") == null ? null : Dates.parseBound("since", p.get("since"), false);
    Instant until = p.get("until") == null ? null : Dates.parseBound("until", p.get("until"), true);
    if (since != null && until != null && since.isAfter(until)) {
      throw ApiException.badParameter("since must not be after until");
    }
    return new IssueQuery(status == null ? null : status.toLowerCase(Locale.ROOT), p.get("version"), text, since, until,
        Paging.from(p, ORDER_COLUMNS, "last_seen:desc"));
  }

  Filter.Page<ErrorIssue> run(Session s, String appId) {
    Filter f = new Filter().and("i.appId = :appId", "appId", appId);
    if (status != null) {
      f.and("i.status = :status", "status", status);
    }
    if (version != null) {
      f.and("exists (select 1 from IssueVersion v where v.issueId = i.issueId and v.appVersion = :version)", "version", version);
    }
    if (text != null) {
      f.and("(lower(i.title) like :text escape '!' or lower(i.lastMessage) like :text escape '!')", "text",
          "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    if (since != null) {
      f.and("i.lastSeen >= :since", "since", since);
    }
    if (until != null) {
      f.and("i.firstSeen <= :until", "until", until);
    }
    return f.page(s, ErrorIssue.class, "i", paging, "issueId");
  }
}
