package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Closed days in the database: a day's machines as one bitmap ({@code tel_day_bitmap}) and its
 * machines per version ({@code tel_version_day}, and as bitmaps in {@code tel_version_day_machines}
 * for release health), written once when the day closes. A day is
 * closed once it is {@value #OPEN_DAYS} days behind the app's today, so that no heartbeat can
 * still land on it even when the app's zone is changed (zones are at most 26 hours apart). Should
 * a heartbeat still reach a closed day (a clock set back by days), the day opens again in memory
 * and its machines are added to the bitmap when it closes again. Blocking, on the caller's
 * connection.
 */
public final class ClosedDays {
  static final int OPEN_DAYS = 3;

  private ClosedDays() {}

  /** Adds machines to a closed day's bitmap (or writes its first). */
  public static void addMachines(Connection c, String appId, LocalDate day, RoaringBitmap machines) throws SQLException {
    RoaringBitmap all = RoaringBitmap.or(DayBitmaps.load(c, new DayKey(appId, day)), machines);
    Jdbc.upsert(c, "UPDATE tel_day_bitmap SET machines = ? WHERE app_id = ? AND usage_day = ?",
        "INSERT INTO tel_day_bitmap (machines, app_id, usage_day) VALUES (?, ?, ?)", DayBitmaps.encode(all), appId, day);
  }

  /** Adds to a closed day's machines per version. */
  public static void addVersions(Connection c, String appId, LocalDate day, Map<String, ? extends Number> versions) throws SQLException {
    for (var v : versions.entrySet()) {
      Jdbc.upsert(c, "UPDATE tel_version_day SET machines = machines + ? WHERE app_id = ? AND usage_day = ? AND app_version = ?",
          "INSERT INTO tel_version_day (machines, app_id, usage_day, app_version) VALUES (?, ?, ?, ?)",
          v.getValue().longValue(), appId, day, v.getKey());
    }
  }

  /** Adds to a closed day's machines per version as bitmaps (or writes them first). */
  public static void addVersionMachines(Connection c, String appId, LocalDate day, Map<String, RoaringBitmap> versions)
      throws SQLException {
    for (var v : versions.entrySet()) {
      RoaringBitmap all = v.getValue().clone();
      Jdbc.query(c, "SELECT machines FROM tel_version_day_machines WHERE app_id = ? AND usage_day = ? AND app_version = ?",
          rs -> all.or(DayBitmaps.decode(rs.getBytes(1))), appId, day, v.getKey());
      Jdbc.upsert(c, "UPDATE tel_version_day_machines SET machines = ? WHERE app_id = ? AND usage_day = ? AND app_version = ?",
          "INSERT INTO tel_version_day_machines (machines, app_id, usage_day, app_version) VALUES (?, ?, ?, ?)",
          DayBitmaps.encode(all), appId, day, v.getKey());
    }
  }
}
