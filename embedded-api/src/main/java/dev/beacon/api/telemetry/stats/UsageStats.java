package dev.beacon.api.telemetry.stats;

import dev.beacon.api.core.Jdbc;
import dev.beacon.api.telemetry.store.AppUsage;
import dev.beacon.api.telemetry.store.DayBitmaps;
import dev.beacon.api.telemetry.store.DayKey;
import dev.beacon.api.telemetry.store.MachineCounts;
import dev.beacon.api.telemetry.store.OpenDay;
import dev.beacon.api.telemetry.store.OpenUsage;
import dev.beacon.api.telemetry.store.UsageFold;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * The numbers of the stats API, exact: each read folds the heartbeats logged so far first, so that
 * every acknowledged one counts, then reads the database and the open days in memory with the
 * fold's lock held ({@link UsageFold#read}). Blocking. DAU is the size of a day's bitmap (closed
 * days from the database, open ones from memory), WAU and MAU the sizes of the unions over 7 and 30
 * days ({@link SlidingUnion}), new machines a counter kept per day.
 */
public final class UsageStats {
  static final int WEEK = 7;
  static final int MONTH = 30;
  static final int ONLINE_MINUTES = 15;

  /** One day of the active series. */
  record Active(LocalDate date, long dau, long wau, long mau, long newMachines) {}

  /** Machines per version on one day. */
  record VersionCount(String version, long machines) {}

  /** Today's figures for the summary. */
  record Summary(long onlineNow, long dau, long wau, long mau, double stickiness, long totalMachines, Instant lastHeartbeat) {}

  private final DayBitmaps bitmaps;
  private final UsageFold fold;

  public UsageStats(DayBitmaps bitmaps, UsageFold fold) {
    this.bitmaps = bitmaps;
    this.fold = fold;
  }

  /** One row per day of {@code from..to}, days without traffic as zeros. */
  List<Active> active(String appId, LocalDate from, LocalDate to) throws SQLException {
    return fold.read((c, usage) -> active(c, usage, appId, from, to));
  }

  /** Per day of {@code from..to}: machines per version of their last heartbeat that day, most first. */
  Map<LocalDate, List<VersionCount>> versions(String appId, LocalDate from, LocalDate to) throws SQLException {
    return fold.read((c, usage) -> versions(c, usage, appId, from, to));
  }

  /** Today's figures ({@code today} in the app's zone, {@code now} for "online now"). */
  Summary summary(String appId, LocalDate today, Instant now) throws SQLException {
    return fold.read((c, usage) -> summary(c, usage, appId, today, now));
  }

  private List<Active> active(Connection c, OpenUsage usage, String appId, LocalDate from, LocalDate to) throws SQLException {
    LocalDate first = from.minusDays(MONTH - 1L);
    Map<LocalDate, Long> newMachines = new HashMap<>();
    Jdbc.query(c, "SELECT usage_day, new_machines FROM tel_day WHERE app_id = ? AND usage_day BETWEEN ? AND ?",
        rs -> newMachines.put(rs.getObject(1, LocalDate.class), rs.getLong(2)), appId, first, to);
    Map<LocalDate, OpenDay> open = openDays(usage, appId);
    open.forEach((d, day) -> newMachines.put(d, day.newMachines()));
    // a day with no tel_day row and not open had no heartbeat: its bitmap is empty without asking
    List<RoaringBitmap> days = new ArrayList<>();
    RoaringBitmap none = new RoaringBitmap();
    for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(1)) {
      OpenDay day = open.get(d);
      RoaringBitmap closed = newMachines.containsKey(d) ? bitmaps.get(c, new DayKey(appId, d)) : none;
      days.add(day == null ? closed : RoaringBitmap.or(closed, day.machines()));
    }
    int offset = MONTH - 1;
    long[] wau = SlidingUnion.cardinalities(days, WEEK, offset);
    long[] mau = SlidingUnion.cardinalities(days, MONTH, offset);
    List<Active> out = new ArrayList<>();
    for (int i = offset; i < days.size(); i++) {
      LocalDate d = first.plusDays(i);
      out.add(new Active(d, days.get(i).getLongCardinality(), wau[i], mau[i], newMachines.getOrDefault(d, 0L)));
    }
    return out;
  }

  private Map<LocalDate, List<VersionCount>> versions(Connection c, OpenUsage usage, String appId, LocalDate from, LocalDate to)
      throws SQLException {
    Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      counts.put(d, new HashMap<>());
    }
    Jdbc.query(c, "SELECT usage_day, app_version, machines FROM tel_version_day WHERE app_id = ? AND usage_day BETWEEN ? AND ?",
        rs -> counts.get(rs.getObject(1, LocalDate.class)).merge(rs.getString(2), rs.getLong(3), Long::sum), appId, from, to);
    openDays(usage, appId).forEach((d, day) -> {
      if (counts.containsKey(d)) {
        day.versionCounts().forEach((v, n) -> counts.get(d).merge(v, n, Long::sum));
      }
    });
    Map<LocalDate, List<VersionCount>> out = new TreeMap<>();
    counts.forEach((day, byVersion) -> out.put(day, byVersion.entrySet().stream()
        .map(e -> new VersionCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(VersionCount::machines).reversed().thenComparing(VersionCount::version))
        .toList()));
    return out;
  }

  private Summary summary(Connection c, OpenUsage usage, String appId, LocalDate today, Instant now) throws SQLException {
    Active a = active(c, usage, appId, today, today).get(0);
    Map<LocalDate, OpenDay> open = openDays(usage, appId);
    RoaringBitmap online = new RoaringBitmap();
    open.values().forEach(d -> d.activeSince(now.minusSeconds(ONLINE_MINUTES * 60L), online));
    AppUsage app = usage.find(appId);
    long total = app != null ? app.machines() : MachineCounts.read(c, appId);
    Instant[] stored = {null};
    Jdbc.query(c, "SELECT MAX(last_at) FROM tel_day WHERE app_id = ?", rs -> {
      OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
      stored[0] = t == null ? null : t.toInstant();
    }, appId);
    Instant last = stored[0];
    for (OpenDay d : open.values()) {
      if (d.lastAt() != null && (last == null || d.lastAt().isAfter(last))) {
        last = d.lastAt();
      }
    }
    double stickiness = a.mau() == 0 ? 0 : Math.round(10_000.0 * a.dau() / a.mau()) / 10_000.0;
    return new Summary(online.getLongCardinality(), a.dau(), a.wau(), a.mau(), stickiness, total, last);
  }

  private static Map<LocalDate, OpenDay> openDays(OpenUsage usage, String appId) {
    AppUsage app = usage.find(appId);
    return app == null ? Map.of() : app.days();
  }
}
