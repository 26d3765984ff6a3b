package dev.beacon.api.sentry;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What release health reads of Sentry sessions, per release (its version): crash-free sessions
 * over chosen days (1 - crashed / started, sessions counted on the day they started) and crash-free
 * machines (the share of the release's machines none of whose sessions crashed, over the
 * release's whole life: machines are not kept per day), both {@code null} with nothing to divide,
 * as {@code GET .../stats/sessions} answers them. Blocking, on the caller's connection.
 */
public final class SessionHealth {
  /** One release's figures; {@code null} where there were no sessions or machines. */
  public record Figures(Double crashFreeSessions, Double crashFreeMachines) {}

  /** The figures of every release of the app with sessions, by release. */
  public Map<String, Figures> figures(Connection c, String appId, LocalDate from, LocalDate to) throws SQLException {
    Map<String, long[]> sessions = new HashMap<>();
    Jdbc.query(c, "SELECT release_name, SUM(started), SUM(crashed) FROM sentry_session_day"
        + " WHERE app_id = ? AND started_day BETWEEN ? AND ? GROUP BY release_name",
        rs -> sessions.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}), appId, from, to);
    Map<String, long[]> machines = new HashMap<>();
    Jdbc.query(c, "SELECT release_name, COUNT(DISTINCT machine_hash), COUNT(DISTINCT CASE WHEN crashed THEN machine_hash END)"
        + " FROM sentry_session_machine WHERE app_id = ? GROUP BY release_name",
        rs -> machines.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}), appId);
    Map<String, Figures> out = new HashMap<>();
    for (String release : sessions.keySet()) {
      out.put(release, new Figures(rate(sessions.get(release)), rate(machines.get(release))));
    }
    machines.keySet().forEach(r -> out.putIfAbsent(r, new Figures(null, rate(machines.get(r)))));
    return out;
  }

  private static Double rate(long[] allAndBad) {
    return allAndBad == null || allAndBad[0] == 0 ? null : 1.0 - (double) allAndBad[1] / allAndBad[0];
  }
}
