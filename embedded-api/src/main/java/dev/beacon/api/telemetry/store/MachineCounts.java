package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Each app's count of machines ({@code tel_app}), which is also the next free ordinal (they are
 * dense from 0), as of the last snapshot. Plain JDBC on the caller's connection.
 */
public final class MachineCounts {
  private MachineCounts() {}

  /** How many machines the app had seen at the last snapshot (0 before its first). */
  public static int read(Connection c, String appId) throws SQLException {
    int[] out = {0};
    Jdbc.query(c, "SELECT machines FROM tel_app WHERE app_id = ?", rs -> out[0] = rs.getInt(1), appId);
    return out[0];
  }

  static void save(Connection c, String appId, int machines) throws SQLException {
    Jdbc.upsert(c, "UPDATE tel_app SET machines = ? WHERE app_id = ?", "INSERT INTO tel_app (machines, app_id) VALUES (?, ?)",
        machines, appId);
  }
}
