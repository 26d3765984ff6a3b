package dev.beacon.api.telemetry.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks into the storage engine for tests in other packages (package-private parts of it). */
public final class StoreProbe {
  private StoreProbe() {}

  /** One machine active on an open day: the version and time of its last heartbeat that day. */
  public record MachineDay(int ordinal, String version, OffsetDateTime lastAt, LocalDate day) {}

  /** The machine-days of the app's open days in memory (after folding what is logged). */
  public static List<MachineDay> openMachineDays(UsageFold fold, String appId) throws SQLException {
    List<MachineDay> out = new ArrayList<>();
    fold.read((c, usage) -> {
      AppUsage app = usage.find(appId);
      if (app != null) {
        app.days().values().forEach(day -> day.machines().forEach((int ordinal) -> out.add(new MachineDay(ordinal,
            day.version(ordinal), day.lastAt(ordinal).atOffset(ZoneOffset.UTC), day.day()))));
      }
      return null;
    });
    return out;
  }

  /** The app's machines saved in the database behind {@code c} (hash to ordinal). */
  public static Map<String, Integer> savedMachines(Connection c, String appId) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    MachineBlocks.read(c, appId, m -> out.put(m.hash(), m.ordinal()));
    return out;
  }

  /** How many machines one stored part of an open day holds. */
  public static long machinesInPart(LocalDate day, int part, byte[] stored) {
    OpenDay d = new OpenDay(day, 0, null);
    d.decodePart(part, stored);
    return d.machines().getLongCardinality();
  }

  /** How many of the app's heartbeats are in the log files in {@code dir}. */
  public static long logged(Path dir, String appId) throws Exception {
    return BeatLog.readAll(dir).stream().flatMap(e -> e.beats().stream()).filter(b -> b.appId().equals(appId)).count();
  }

  /**
   * How many of the app's heartbeats are in the database's shared heartbeat log (PostgreSQL) after
   * the last snapshot, on {@code c}.
   */
  public static long loggedInDatabase(Connection c, String appId) throws SQLException {
    long[] out = {0};
    dev.beacon.api.core.Jdbc.query(c, "SELECT entry FROM tel_log_entry WHERE seq > (SELECT snapshot_seq FROM tel_snapshot WHERE id = 1)",
        rs -> out[0] += BeatLog.decode(rs.getBytes(1)).beats().stream().filter(b -> b.appId().equals(appId)).count());
    return out[0];
  }
}
