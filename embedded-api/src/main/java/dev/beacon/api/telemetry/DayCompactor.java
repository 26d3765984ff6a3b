package dev.beacon.api.telemetry;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Closes old days: the rows of a day (one per machine) become one bitmap in {@code tel_day_bitmap} and
 * one count per version in {@code tel_version_day}, and the rows go. A day is closed once it is
 * {@value #OPEN_DAYS} days behind the app's today, so that no heartbeat can still land on it even
 * when the app's zone is changed (zones are at most 26 hours apart). Blocking; one transaction per
 * day. Should a heartbeat still reach a closed day (a clock set back by days), its row is read
 * together with the bitmap and folded in by the next run.
 */
final class DayCompactor {
  static final int OPEN_DAYS = 3;

  private final Db db;

  DayCompactor(Db db) {
    this.db = db;
  }

  /** Closes every day of every app that is old enough at {@code now}; the number of days closed. */
  int run(Instant now) throws SQLException {
    Map<String, String> zones = new HashMap<>();
    db.inJdbcTx(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT app_id, time_zone FROM app");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          zones.put(rs.getString(1), rs.getString(2));
        }
      }
      return null;
    });
    int closed = 0;
    for (var e : zones.entrySet()) {
      LocalDate before = LocalDate.ofInstant(now, App.zoneOf(e.getValue())).minusDays(OPEN_DAYS - 1L);
      closed += closeBefore(e.getKey(), before);
    }
    return closed;
  }

  /** Closes the app's days before {@code before}. */
  int closeBefore(String appId, LocalDate before) throws SQLException {
    List<LocalDate> days = db.inJdbcTx(c -> {
      List<LocalDate> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
          "SELECT DISTINCT usage_day FROM tel_machine_day WHERE app_id = ? AND usage_day < ? ORDER BY usage_day")) {
        st.setString(1, appId);
        st.setObject(2, before);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getObject(1, LocalDate.class));
          }
        }
      }
      return out;
    });
    for (LocalDate day : days) {
      db.inJdbcTx(c -> {
        close(c, appId, day);
        return null;
      });
    }
    return days.size();
  }

  private static void close(Connection c, String appId, LocalDate day) throws SQLException {
    RoaringBitmap machines = DayBitmaps.load(c, new UsageStore.DayKey(appId, day));
    Map<String, Integer> versions = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT app_version, COUNT(*) FROM tel_machine_day WHERE app_id = ? AND usage_day = ? GROUP BY app_version")) {
      st.setString(1, appId);
      st.setObject(2, day);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          versions.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    writeDay(c, appId, day, machines);
    addVersions(c, appId, day, versions);
    try (PreparedStatement st = c.prepareStatement("DELETE FROM tel_machine_day WHERE app_id = ? AND usage_day = ?")) {
      st.setString(1, appId);
      st.setObject(2, day);
      st.executeUpdate();
    }
  }

  /** Stores a closed day's machines (the bitmap includes what was stored before). */
  static void writeDay(Connection c, String appId, LocalDate day, RoaringBitmap machines) throws SQLException {
    byte[] bytes = DayBitmaps.encode(machines);
    try (PreparedStatement st = c.prepareStatement("UPDATE tel_day_bitmap SET machines = ? WHERE app_id = ? AND usage_day = ?")) {
      st.setBytes(1, bytes);
      st.setString(2, appId);
      st.setObject(3, day);
      if (st.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO tel_day_bitmap (app_id, usage_day, machines) VALUES (?, ?, ?)")) {
      st.setString(1, appId);
      st.setObject(2, day);
      st.setBytes(3, bytes);
      st.executeUpdate();
    }
  }

  static void addVersions(Connection c, String appId, LocalDate day, Map<String, Integer> versions) throws SQLException {
    for (var v : versions.entrySet()) {
      try (PreparedStatement st = c.prepareStatement(
          "UPDATE tel_version_day SET machines = machines + ? WHERE app_id = ? AND usage_day = ? AND app_version = ?")) {
        st.setInt(1, v.getValue());
        st.setString(2, appId);
        st.setObject(3, day);
        st.setString(4, v.getKey());
        if (st.executeUpdate() > 0) {
          continue;
        }
      }
      try (PreparedStatement st = c.prepareStatement(
          "INSERT INTO tel_version_day (app_id, usage_day, app_version, machines) VALUES (?, ?, ?, ?)")) {
        st.setString(1, appId);
        st.setObject(2, day);
        st.setString(3, v.getKey());
        st.setInt(4, v.getValue());
        st.executeUpdate();
      }
    }
  }
}
