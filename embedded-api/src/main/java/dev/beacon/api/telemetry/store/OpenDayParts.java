package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The open days as snapshots store them ({@code tel_open_day}): one row per day and part of 65,536
 * ordinals, encoded by {@link OpenDay#encodePart}. Plain JDBC on the caller's connection.
 */
final class OpenDayParts {
  private OpenDayParts() {}

  /** One stored part. */
  @FunctionalInterface
  interface PartReader {
    void read(String appId, LocalDate day, int part, byte[] machines) throws SQLException;
  }

  /** Every stored part of every open day. */
  static void readAll(Connection c, PartReader each) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT app_id, usage_day, part, machines FROM tel_open_day")) {
      st.setFetchSize(16);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          each.read(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getBytes(4));
        }
      }
    }
  }

  /** Reads the stored parts of one day into {@code day} (fresh). */
  static void read(Connection c, String appId, OpenDay day) throws SQLException {
    Jdbc.query(c, "SELECT part, machines FROM tel_open_day WHERE app_id = ? AND usage_day = ?",
        rs -> day.decodePart(rs.getInt(1), rs.getBytes(2)), appId, day.day());
  }

  static void save(Connection c, String appId, OpenDay day, int part) throws SQLException {
    Jdbc.upsert(c, "UPDATE tel_open_day SET machines = ? WHERE app_id = ? AND usage_day = ? AND part = ?",
        "INSERT INTO tel_open_day (machines, app_id, usage_day, part) VALUES (?, ?, ?, ?)",
        day.encodePart(part), appId, day.day(), part);
  }

  /** Deletes the parts of a day (closed). */
  static void delete(Connection c, String appId, LocalDate day) throws SQLException {
    Jdbc.update(c, "DELETE FROM tel_open_day WHERE app_id = ? AND usage_day = ?", appId, day);
  }
}
