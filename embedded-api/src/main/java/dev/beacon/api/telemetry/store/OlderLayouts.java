package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Db;
import dev.beacon.api.core.Jdbc;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries what the two older storage layouts left into this one, once at start before the engine
 * opens ({@link UsageFold#start}), so that nothing else reads them: machines kept one row each
 * ({@code tel_machine}) become blocks ({@link MachineBlocks}); machine-days of open days
 * ({@code tel_machine_day}) become the snapshot parts of those days ({@link OpenDayParts}); heartbeats
 * logged in the database and not folded ({@code tel_beat}) are appended to the heartbeat log
 * ({@link BeatLog}), which the engine then replays. Rows are deleted in the transaction that
 * carries them over; the logged heartbeats once the log holds them (should the process die in
 * between, they are appended again, and a heartbeat applied twice counts once). Nothing is lost,
 * and a later start finds nothing to do. Blocking.
 */
public final class OlderLayouts {
  /** What was carried over: machines, machine-days, heartbeats. */
  public record Carried(long machines, long machineDays, long heartbeats) {
    public boolean any() {
      return machines + machineDays + heartbeats > 0;
    }
  }

  private OlderLayouts() {}

  /** Carries everything over; {@code logDir} is the heartbeat log's folder. */
  public static Carried carryOver(Db db, Path logDir) throws SQLException, IOException {
    return new Carried(machines(db), machineDays(db), heartbeats(db, logDir));
  }

  /** Each app's machine rows, in blocks in the order of their ordinals, one transaction per app. */
  private static long machines(Db db) throws SQLException {
    long total = 0;
    for (String appId : db.inJdbcTx(c -> strings(c, "SELECT DISTINCT app_id FROM tel_machine"))) {
      total += db.inJdbcTx(c -> {
        long moved = 0;
        List<NewMachine> block = new ArrayList<>();
        int from = 0;
        do {
          block.clear();
          Jdbc.query(c, "SELECT machine_hash, ordinal, first_day FROM tel_machine WHERE app_id = ? AND ordinal >= ? "
              + "ORDER BY ordinal FETCH FIRST " + MachineBlocks.MACHINES_PER_BLOCK + " ROWS ONLY",
              rs -> block.add(new NewMachine(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class))), appId, from);
          MachineBlocks.insert(c, appId, block);
          moved += block.size();
          from = block.isEmpty() ? from : block.get(block.size() - 1).ordinal() + 1;
        } while (block.size() == MachineBlocks.MACHINES_PER_BLOCK);
        Jdbc.update(c, "DELETE FROM tel_machine WHERE app_id = ?", appId);
        return moved;
      });
    }
    return total;
  }

  /**
   * Each open day's machine-days (the version and time of each machine's last heartbeat that day)
   * into its snapshot parts, added to any the day has; one transaction per day.
   */
  private static long machineDays(Db db) throws SQLException {
    List<DayKey> days = db.inJdbcTx(c -> {
      List<DayKey> out = new ArrayList<>();
      Jdbc.query(c, "SELECT DISTINCT app_id, usage_day FROM tel_machine_day",
          rs -> out.add(new DayKey(rs.getString(1), rs.getObject(2, LocalDate.class))));
      return out;
    });
    long total = 0;
    for (DayKey key : days) {
      total += db.inJdbcTx(c -> {
        OpenDay day = new OpenDay(key.day(), 0, null);
        OpenDayParts.read(c, key.appId(), day);
        long[] rows = {0};
        Jdbc.query(c, "SELECT ordinal, app_version, last_at FROM tel_machine_day WHERE app_id = ? AND usage_day = ?", rs -> {
          day.beat(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), false);
          rows[0]++;
        }, key.appId(), key.day());
        var parts = day.dirtyParts();
        for (int p = parts.nextSetBit(0); p >= 0; p = parts.nextSetBit(p + 1)) {
          OpenDayParts.save(c, key.appId(), day, p);
        }
        Jdbc.update(c, "DELETE FROM tel_machine_day WHERE app_id = ? AND usage_day = ?", key.appId(), key.day());
        return rows[0];
      });
    }
    return total;
  }

  /** The logged heartbeats, oldest first, appended to the log after the snapshot's place in it. */
  private static long heartbeats(Db db, Path logDir) throws SQLException, IOException {
    List<HashedBeat> beats = db.inJdbcTx(c -> {
      List<HashedBeat> out = new ArrayList<>();
      Jdbc.query(c, "SELECT app_id, machine_hash, app_version, usage_day, received_at FROM tel_beat ORDER BY seq",
          rs -> out.add(new HashedBeat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
              rs.getObject(5, OffsetDateTime.class).toInstant())));
      return out;
    });
    if (beats.isEmpty()) {
      return 0;
    }
    long seq = db.inJdbcTx(UsageSnapshots::seq);
    try (BeatLog log = BeatLog.open(logDir, seq).log()) {
      for (List<HashedBeat> entry : Jdbc.chunks(beats, UsageFold.MAX_BEATS)) {
        log.append(entry);
      }
    }
    db.inJdbcTx(c -> Jdbc.update(c, "DELETE FROM tel_beat"));
    return beats.size();
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    Jdbc.query(c, sql, rs -> out.add(rs.getString(1)));
    return out;
  }
}
