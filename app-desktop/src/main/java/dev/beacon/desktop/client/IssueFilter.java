package dev.beacon.desktop.client;

import java.time.LocalDate;

/**
 * What narrows an app's issues: a status (null for all), a version, an environment (Sentry events
 * name theirs; blank for all), a search in title and message,
 * a first day and a last day seen (null for open ends), and the column sorted by, newest or largest
 * first ({@code last_seen}, {@code first_seen}, {@code count}, {@code machines}).
 */
public record IssueFilter(String status, String version, String environment, String search, LocalDate since, LocalDate until,
    String order) {
  /** Every issue, most recently seen first. */
  public static final IssueFilter ALL = new IssueFilter(null, "", "", "", null, null, "last_seen");
}
