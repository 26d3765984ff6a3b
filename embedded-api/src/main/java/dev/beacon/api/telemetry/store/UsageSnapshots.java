package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Db;
import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Usage in memory ({@link OpenUsage}) to and from the database. A snapshot ({@link #save}), in one
 * transaction: the machines heard for the first time not saved yet ({@link MachineBlocks}) and each
 * app's count ({@link MachineCounts}), each changed day's count of new machines and last heartbeat
 * ({@link DayCounts}), the changed parts of the open days ({@link OpenDayParts}), the days old
 * enough closed into bitmaps and version counts ({@link ClosedDays}), and how far in the heartbeat
 * log it goes ({@code tel_snapshot}). {@link #restore} reads the open days back at start.
 */
final class UsageSnapshots {
  private UsageSnapshots() {}

  /** How far in the heartbeat log the snapshot goes: its entries up to this are in it. */
  static long seq(Connection c) throws SQLException {
    long[] out = {0};
    Jdbc.query(c, "SELECT snapshot_seq FROM tel_snapshot WHERE id = 1", rs -> out[0] = rs.getLong(1));
    return out[0];
  }

  /** Reads the snapshot into {@code usage} (which must be empty); answers its place in the log. */
  static long restore(Connection c, OpenUsage usage) throws SQLException {
    OpenDayParts.readAll(c, (appId, date, part, machines) -> {
      AppUsage app = usage.find(appId);
      if (app == null) {
        app = usage.add(appId, MachineCounts.read(c, appId));
      }
      OpenDay day = app.day(date);
      if (day == null) {
        day = DayCounts.open(c, appId, date);
        app.open(day);
      }
      day.decodePart(part, machines);
    });
    return seq(c);
  }

  /**
   * Writes what changed since the last snapshot, closes the days before each app's entry in
   * {@code closeBefore}, and notes that the snapshot holds the log up to {@code seq}. Memory is
   * left as it is: once the transaction has committed, the caller tells it
   * ({@link OpenUsage#saved}). Answers the days closed.
   */
  static List<DayKey> save(Connection c, OpenUsage usage, long seq, Map<String, LocalDate> closeBefore) throws SQLException {
    List<DayKey> closed = new ArrayList<>();
    for (AppUsage app : usage.apps()) {
      MachineBlocks.insert(c, app.appId(), app.unsaved());
      if (app.countChanged()) {
        MachineCounts.save(c, app.appId(), app.machines());
      }
      LocalDate before = closeBefore.get(app.appId());
      for (OpenDay day : app.days().values()) {
        boolean closing = before != null && day.day().isBefore(before);
        if (day.dirty() || closing) {
          DayCounts.save(c, app.appId(), day);
        }
        if (closing) {
          ClosedDays.addMachines(c, app.appId(), day.day(), day.machines());
          ClosedDays.addVersions(c, app.appId(), day.day(), day.versionCounts());
          ClosedDays.addVersionMachines(c, app.appId(), day.day(), day.versionMachines());
          OpenDayParts.delete(c, app.appId(), day.day());
          closed.add(new DayKey(app.appId(), day.day()));
        } else {
          BitSet parts = day.dirtyParts();
          for (int p = parts.nextSetBit(0); p >= 0; p = parts.nextSetBit(p + 1)) {
            OpenDayParts.save(c, app.appId(), day, p);
          }
        }
      }
    }
    Jdbc.update(c, "UPDATE tel_snapshot SET snapshot_seq = ? WHERE id = 1", seq);
    return closed;
  }

  /**
   * Saves new machines ahead of the next snapshot, in blocks of up to
   * {@value MachineBlocks#MACHINES_PER_BLOCK}, one transaction each: a burst of new machines is
   * saved as it comes instead of in one snapshot of hundreds of thousands.
   */
  static void saveNewMachines(Db db, OpenUsage usage) throws SQLException {
    for (AppUsage app : usage.apps()) {
      for (List<NewMachine> block = app.unsaved(MachineBlocks.MACHINES_PER_BLOCK); !block.isEmpty();
          block = app.unsaved(MachineBlocks.MACHINES_PER_BLOCK)) {
        List<NewMachine> saving = block;
        db.inJdbcTx(c -> {
          MachineBlocks.insert(c, app.appId(), saving);
          return null;
        });
        app.machinesSaved(saving.size());
      }
    }
  }
}
