package dev.beacon.api.telemetry;

import dev.beacon.api.core.Db;
import dev.beacon.api.telemetry.OpenUsage.AppUsage;
import dev.beacon.api.telemetry.OpenUsage.NewMachine;
import dev.beacon.api.telemetry.UsageStore.Hashed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage in memory ({@link OpenUsage}) to and from the database. A snapshot ({@link #save}), in
 * one transaction: the machines heard for the first time not saved yet ({@link MachineBlocks}) and each app's count
 * ({@code tel_app}), each changed day's count of new machines and last heartbeat ({@code tel_day}),
 * the changed parts of the open days ({@code tel_open_day}), the days old enough closed into
 * bitmaps and version counts ({@link ClosedDays}), and how far in the heartbeat log it goes
 * ({@code tel_snapshot}). {@link #restore} reads the open days back at start, together with what
 * an older version left in {@code tel_machine_day}.
 */
final class UsageSnapshots {
  private UsageSnapshots() {}

  /** What the database held at start: the log position of its snapshot, and the older version's pending log. */
  record Restored(long seq, List<Hashed> legacyBeats, boolean legacy) {}

  /** Reads the snapshot into {@code usage} (which must be empty). */
  static Restored restore(Connection c, OpenUsage usage) throws SQLException {
    long seq;
    try (PreparedStatement st = c.prepareStatement("SELECT snapshot_seq FROM tel_snapshot WHERE id = 1");
        ResultSet rs = st.executeQuery()) {
      seq = rs.next() ? rs.getLong(1) : 0;
    }
    try (PreparedStatement st = c.prepareStatement("SELECT app_id, usage_day, part, machines FROM tel_open_day")) {
      st.setFetchSize(16);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          AppUsage app = usage.app(c, rs.getString(1));
          usage.day(c, app, rs.getObject(2, LocalDate.class)).decodePart(rs.getInt(3), rs.getBytes(4));
        }
      }
    }
    boolean legacy = false;
    // machine-days of the layout before (V7): one row per machine and open day
    try (PreparedStatement st = c.prepareStatement("SELECT app_id, usage_day, ordinal, app_version, last_at FROM tel_machine_day")) {
      st.setFetchSize(10_000);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          legacy = true;
          AppUsage app = usage.app(c, rs.getString(1));
          usage.day(c, app, rs.getObject(2, LocalDate.class))
              .beat(rs.getInt(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), false);
        }
      }
    }
    List<Hashed> beats = BeatLog.legacy(c);
    return new Restored(seq, beats, legacy || !beats.isEmpty());
  }

  /**
   * Writes what changed since the last snapshot, closes the days before each app's entry in
   * {@code closeBefore}, and notes that the snapshot holds the log up to {@code seq}. Memory is
   * left as it is: once the transaction has committed, the caller calls {@link #saved}.
   * Apps deleted meanwhile are dropped from memory first. Answers the days closed.
   */
  static List<Closed> save(Connection c, OpenUsage usage, long seq, Map<String, LocalDate> closeBefore, boolean legacy)
      throws SQLException {
    Set<String> existing = UsageStore.existingApps(c, usage.apps().stream().map(a -> a.appId).toList());
    usage.apps().stream().map(a -> a.appId).filter(id -> !existing.contains(id)).toList().forEach(usage::drop);
    List<Closed> closed = new ArrayList<>();
    for (AppUsage app : usage.apps()) {
      saveMachines(c, app);
      LocalDate before = closeBefore.get(app.appId);
      for (OpenDay day : app.days.values()) {
        boolean closing = before != null && day.day.isBefore(before);
        if (day.dirty() || closing) {
          saveDay(c, app.appId, day);
        }
        if (closing) {
          ClosedDays.addMachines(c, app.appId, day.day, day.machines());
          ClosedDays.addVersions(c, app.appId, day.day, day.versionCounts());
          deleteParts(c, app.appId, day.day);
          closed.add(new Closed(app.appId, day.day));
        } else {
          BitSet parts = day.dirtyParts();
          for (int p = parts.nextSetBit(0); p >= 0; p = parts.nextSetBit(p + 1)) {
            savePart(c, app.appId, day, p);
          }
        }
      }
    }
    if (legacy) {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM tel_machine_day")) {
        st.executeUpdate();
      }
      BeatLog.removeLegacy(c);
    }
    try (PreparedStatement st = c.prepareStatement("UPDATE tel_snapshot SET snapshot_seq = ? WHERE id = 1")) {
      st.setLong(1, seq);
      st.executeUpdate();
    }
    return closed;
  }

  /** A day closed by a snapshot. */
  record Closed(String appId, LocalDate day) {}

  /** After the snapshot's commit: nothing is unsaved any more, and the closed days leave memory. */
  static void saved(OpenUsage usage, List<Closed> closed) {
    for (AppUsage app : usage.apps()) {
      app.unsaved.clear();
      app.savedCount = app.machines;
      app.days.values().forEach(OpenDay::saved);
    }
    for (Closed d : closed) {
      AppUsage app = usage.find(d.appId());
      if (app != null) {
        app.days.remove(d.day());
      }
    }
  }

  /** Saves the app's machines not saved yet, and its machine count. */
  private static void saveMachines(Connection c, AppUsage app) throws SQLException {
    MachineBlocks.insert(c, app.appId, app.unsaved);
    if (app.machines == app.savedCount) {
      return;
    }
    UsageStore.upsert(c, "UPDATE tel_app SET machines = ? WHERE app_id = ?", "INSERT INTO tel_app (machines, app_id) VALUES (?, ?)",
        app.machines, app.appId);
  }

  /**
   * Saves new machines ahead of the next snapshot, in blocks of up to {@value #MACHINES_PER_COMMIT}
   * (a large transaction in H2 slows every other commit while it lasts): a burst of new machines
   * is saved as it comes instead of in one snapshot of hundreds of thousands.
   */
  static void saveNewMachines(Db db, OpenUsage usage) throws SQLException {
    for (AppUsage app : usage.apps()) {
      while (!app.unsaved.isEmpty()) {
        List<NewMachine> chunk = app.unsaved.subList(0, Math.min(MACHINES_PER_COMMIT, app.unsaved.size()));
        db.inJdbcTx(c -> {
          MachineBlocks.insert(c, app.appId, chunk);
          return null;
        });
        chunk.clear();
      }
    }
  }

  static final int MACHINES_PER_COMMIT = 2_000;

  private static void saveDay(Connection c, String appId, OpenDay day) throws SQLException {
    OffsetDateTime last = day.lastAt() == null ? null : UsageStore.utc(day.lastAt());
    UsageStore.upsert(c, "UPDATE tel_day SET new_machines = ?, last_at = ? WHERE app_id = ? AND usage_day = ?",
        "INSERT INTO tel_day (new_machines, last_at, app_id, usage_day) VALUES (?, ?, ?, ?)",
        day.newMachines(), last, appId, day.day);
  }

  private static void savePart(Connection c, String appId, OpenDay day, int part) throws SQLException {
    UsageStore.upsert(c, "UPDATE tel_open_day SET machines = ? WHERE app_id = ? AND usage_day = ? AND part = ?",
        "INSERT INTO tel_open_day (machines, app_id, usage_day, part) VALUES (?, ?, ?, ?)",
        day.encodePart(part), appId, day.day, part);
  }

  private static void deleteParts(Connection c, String appId, LocalDate day) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM tel_open_day WHERE app_id = ? AND usage_day = ?")) {
      st.setString(1, appId);
      st.setObject(2, day);
      st.executeUpdate();
    }
  }
}
