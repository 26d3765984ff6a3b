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
 * log it goes ({@code tel_snapshot}). {@link #restore} reads the open days back at start (and, on
 * a shared log, when another server's snapshot closed days). On a shared log (several servers on
 * one PostgreSQL) only the holder of the usage lease writes snapshots and saves machines.
 */
final class UsageSnapshots {
  private UsageSnapshots() {}

  /**
   * Which snapshot the database holds: how far in the heartbeat log it goes (its entries up to
   * {@code seq} are in it), and how many snapshots closed days ({@code closings}, shared log only).
   */
  record Mark(long seq, long closings) {}

  /** How a reader of the {@link Mark} holds it still until its transaction ends (shared log only). */
  enum Hold {
    NONE(""), SHARE(" FOR SHARE"), UPDATE(" FOR UPDATE");

    private final String clause;

    Hold(String clause) {
      this.clause = clause;
    }
  }

  /** How far in the heartbeat log the snapshot goes: its entries up to this are in it. */
  static long seq(Connection c) throws SQLException {
    long[] out = {0};
    Jdbc.query(c, "SELECT snapshot_seq FROM tel_snapshot WHERE id = 1", rs -> out[0] = rs.getLong(1));
    return out[0];
  }

  /**
   * The snapshot the database holds (shared log): with {@link Hold#SHARE} no other snapshot can be
   * written before the caller's transaction ends (the writer takes the row {@link Hold#UPDATE} first),
   * so what the caller reads of usage is that snapshot's.
   */
  static Mark mark(Connection c, Hold hold) throws SQLException {
    Mark[] out = {new Mark(0, 0)};
    Jdbc.query(c, "SELECT snapshot_seq, closings FROM tel_snapshot WHERE id = 1" + hold.clause,
        rs -> out[0] = new Mark(rs.getLong(1), rs.getLong(2)));
    return out[0];
  }

  /**
   * Reads the snapshot into {@code usage}: the apps it holds go back to the snapshot's count of
   * machines and lose their open days ({@link AppUsage#rewind}; none at start), then the open days
   * are read back. Answers its place in the log.
   */
  static long restore(Connection c, OpenUsage usage) throws SQLException {
    for (AppUsage app : usage.apps()) {
      app.rewind(MachineCounts.read(c, app.appId()));
    }
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
  static List<DayKey> save(Connection c, OpenUsage usage, long seq, Map<String, LocalDate> closeBefore, boolean shared)
      throws SQLException {
    List<DayKey> closed = new ArrayList<>();
    for (AppUsage app : usage.apps()) {
      if (!shared) {
        MachineBlocks.insert(c, app.appId(), app.unsaved());
      } else {
        if (app.savedEnd() < 0) {
          app.savedBelow(MachineBlocks.end(c, app.appId()));
        }
        if (!MachineBlocks.insertIfAbsent(c, app.appId(), app.unsaved())) {
          throw new HeartbeatLog.Behind("another server saved machines of " + app.appId() + " meanwhile");
        }
      }
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
    if (shared) {
      Jdbc.update(c, "UPDATE tel_snapshot SET snapshot_seq = ?, closings = closings + ? WHERE id = 1", seq, closed.isEmpty() ? 0 : 1);
    } else {
      Jdbc.update(c, "UPDATE tel_snapshot SET snapshot_seq = ? WHERE id = 1", seq);
    }
    return closed;
  }

  /**
   * Saves new machines ahead of the next snapshot, in blocks of up to
   * {@value MachineBlocks#MACHINES_PER_BLOCK}, one transaction each: a burst of new machines is
   * saved as it comes instead of in one snapshot of hundreds of thousands.
   */
  static void saveNewMachines(Db db, OpenUsage usage, boolean shared) throws SQLException {
    if (shared) {
      for (AppUsage app : usage.apps()) {
        saveShared(db, app);
      }
      return;
    }
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

  /**
   * {@link #saveNewMachines} on a shared log: the servers on one database number machines alike
   * (in log order), and the one saving may take over from another that saved some already: it
   * starts from the end of what is saved, and a block another saved meanwhile is skipped.
   */
  private static void saveShared(Db db, AppUsage app) throws SQLException {
    for (int tries = 0; !app.unsaved().isEmpty() && tries < 8; tries++) {
      if (app.savedEnd() < 0) {
        int end = db.inJdbcTx(c -> MachineBlocks.end(c, app.appId()));
        app.savedBelow(end);
        app.savedEnd(end);
        continue;
      }
      List<NewMachine> block = List.copyOf(app.unsaved(MachineBlocks.MACHINES_PER_BLOCK));
      if (db.inJdbcTx(c -> MachineBlocks.insertIfAbsent(c, app.appId(), block))) {
        app.machinesSaved(block.size());
        app.savedEnd(block.get(block.size() - 1).ordinal() + 1);
      } else {
        app.savedEnd(-1);
      }
    }
  }
}
