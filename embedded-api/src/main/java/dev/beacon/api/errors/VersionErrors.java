package dev.beacon.api.errors;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What release health reads of errors, per app version: the machines (as the HMAC usage stores
 * them under) that hit an error on each day, the issues first seen in a version, the regressions it
 * reported, and its top issues by machines. Blocking, on the caller's connection.
 */
public final class VersionErrors {
  /** An issue and its machines on one version over some days. */
  public record TopIssue(String issueId, String title, long machines) {}

  /** Machines with errors on a version, per day. */
  public Map<String, Map<LocalDate, Set<String>>> machines(Connection c, String appId, LocalDate from, LocalDate to)
      throws SQLException {
    Map<String, Map<LocalDate, Set<String>>> out = new HashMap<>();
    Jdbc.query(c, "SELECT DISTINCT app_version, seen_day, machine_hash FROM error_version_machine"
        + " WHERE app_id = ? AND seen_day BETWEEN ? AND ?", rs -> out.computeIfAbsent(rs.getString(1), v -> new HashMap<>())
            .computeIfAbsent(rs.getObject(2, LocalDate.class), d -> new HashSet<>()).add(rs.getString(3)), appId, from, to);
    return out;
  }

  /** Machines with errors per day, whatever the app version (a module version's machines are counted among these). */
  public Map<LocalDate, Set<String>> anyVersion(Connection c, String appId, LocalDate from, LocalDate to) throws SQLException {
    Map<LocalDate, Set<String>> out = new HashMap<>();
    machines(c, appId, from, to).values().forEach(days -> days.forEach((d, m) -> out.computeIfAbsent(d, k -> new HashSet<>()).addAll(m)));
    return out;
  }

  /** Per version: the app's issues whose earliest event came from it. */
  public Map<String, Long> newIssues(Connection c, String appId) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    Jdbc.query(c, "SELECT v.app_version, COUNT(*) FROM error_issue_version v JOIN error_issue i ON i.issue_id = v.issue_id"
        + " WHERE i.app_id = ? AND v.first_seen = (SELECT MIN(o.first_seen) FROM error_issue_version o WHERE o.issue_id = v.issue_id)"
        + " GROUP BY v.app_version", rs -> out.put(rs.getString(1), rs.getLong(2)), appId);
    return out;
  }

  /**
   * Per version: issues now marked as regressions (a resolved issue that a newer version reported
   * again) that the version reported and that were first seen in an earlier one.
   */
  public Map<String, Long> regressions(Connection c, String appId) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    Jdbc.query(c, "SELECT v.app_version, COUNT(*) FROM error_issue_version v JOIN error_issue i ON i.issue_id = v.issue_id"
        + " WHERE i.app_id = ? AND i.regression = TRUE"
        + " AND v.first_seen > (SELECT MIN(o.first_seen) FROM error_issue_version o WHERE o.issue_id = v.issue_id)"
        + " GROUP BY v.app_version", rs -> out.put(rs.getString(1), rs.getLong(2)), appId);
    return out;
  }

  /** The version's issues with most machines over {@code from..to} ({@code max} at most). */
  public List<TopIssue> topIssues(Connection c, String appId, Collection<String> versions, LocalDate from, LocalDate to, int max)
      throws SQLException {
    List<TopIssue> out = new ArrayList<>();
    if (versions.isEmpty()) {
      return out;
    }
    String in = String.join(",", java.util.Collections.nCopies(versions.size(), "?"));
    List<Object> args = new ArrayList<>(List.of(appId, from, to));
    args.addAll(versions);
    Jdbc.query(c, "SELECT m.issue_id, i.title, COUNT(DISTINCT m.machine_hash) AS n FROM error_version_machine m"
        + " JOIN error_issue i ON i.issue_id = m.issue_id"
        + " WHERE m.app_id = ? AND m.seen_day BETWEEN ? AND ? AND m.app_version IN (" + in + ")"
        + " GROUP BY m.issue_id, i.title ORDER BY n DESC, m.issue_id", rs -> {
          if (out.size() < max) {
            out.add(new TopIssue(rs.getString(1), rs.getString(2), rs.getLong(3)));
          }
        }, args.toArray());
    return out;
  }
}
