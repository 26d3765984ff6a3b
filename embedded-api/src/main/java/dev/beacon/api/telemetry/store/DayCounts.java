package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Each day's count of new machines and last heartbeat ({@code tel_day}), open or closed, as of the
 * last snapshot. Plain JDBC on the caller's connection.
 */
final class DayCounts {
  private DayCounts() {}

  /**
   * The app's day, to be opened in memory: a day that has a row already (a day closed before,
   * which a heartbeat reaches late, or one read back from a snapshot) goes on from its counts.
   */
  static OpenDay open(Connection c, String appId, LocalDate day) throws SQLException {
    OpenDay[] out = {null};
    Jdbc.query(c, "SELECT new_machines, last_at FROM tel_day WHERE app_id = ? AND usage_day = ?", rs -> {
      OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
      out[0] = new OpenDay(day, rs.getLong(1), last == null ? null : last.toInstant());
    }, appId, day);
    return out[0] != null ? out[0] : new OpenDay(day, 0, (Instant) null);
  }

  static void save(Connection c, String appId, OpenDay day) throws SQLException {
    OffsetDateTime last = day.lastAt() == null ? null : day.lastAt().atOffset(ZoneOffset.UTC);
    Jdbc.upsert(c, "UPDATE tel_day SET new_machines = ?, last_at = ? WHERE app_id = ? AND usage_day = ?",
        "INSERT INTO tel_day (new_machines, last_at, app_id, usage_day) VALUES (?, ?, ?, ?)",
        day.newMachines(), Jdbc.orNull(last, Types.TIMESTAMP_WITH_TIMEZONE), appId, day.day());
  }
}
