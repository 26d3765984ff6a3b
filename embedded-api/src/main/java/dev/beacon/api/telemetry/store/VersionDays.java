package dev.beacon.api.telemetry.store;

import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * An app's machines per version and day, for release health: closed days from
 * {@code tel_version_day_machines} (bitmaps of ordinals), open days from memory; a closed day
 * without bitmaps (closed before they were kept) gives its counts from {@code tel_version_day}
 * instead. Read with the fold's lock held ({@link UsageFold#read}).
 */
public final class VersionDays {
  /** One day: machines per version as ordinals, and counts alone where only counts are kept. */
  public record Day(Map<String, RoaringBitmap> machines, Map<String, Long> countsOnly) {}

  private VersionDays() {}

  /** Every day of {@code from..to} with traffic, oldest first. */
  public static TreeMap<LocalDate, Day> read(Connection c, OpenUsage usage, String appId, LocalDate from, LocalDate to)
      throws SQLException {
    TreeMap<LocalDate, Day> out = new TreeMap<>();
    Jdbc.query(c, "SELECT usage_day, app_version, machines FROM tel_version_day_machines WHERE app_id = ? AND usage_day BETWEEN ? AND ?",
        rs -> day(out, rs.getObject(1, LocalDate.class)).machines().merge(rs.getString(2), DayBitmaps.decode(rs.getBytes(3)),
            (a, b) -> RoaringBitmap.or(a, b)), appId, from, to);
    Jdbc.query(c, "SELECT usage_day, app_version, machines FROM tel_version_day WHERE app_id = ? AND usage_day BETWEEN ? AND ?", rs -> {
      Day d = day(out, rs.getObject(1, LocalDate.class));
      if (!d.machines().containsKey(rs.getString(2))) {
        d.countsOnly().merge(rs.getString(2), rs.getLong(3), Long::sum);
      }
    }, appId, from, to);
    AppUsage app = usage.find(appId);
    if (app != null) {
      for (OpenDay open : app.days().subMap(from, true, to, true).values()) {
        Day d = day(out, open.day());
        open.versionMachines().forEach((v, m) -> d.machines().merge(v, m, (a, b) -> RoaringBitmap.or(a, b)));
      }
    }
    return out;
  }

  /** The ordinals of those machine hashes the app has seen (its machines must be in memory: {@link UsageFold#readIndexed}). */
  public static Map<String, Integer> ordinals(OpenUsage usage, String appId, Collection<String> hashes) {
    Map<String, Integer> out = new HashMap<>();
    for (String h : hashes) {
      int o = usage.ordinal(appId, h);
      if (o >= 0) {
        out.put(h, o);
      }
    }
    return out;
  }

  private static Day day(Map<LocalDate, Day> days, LocalDate date) {
    return days.computeIfAbsent(date, d -> new Day(new HashMap<>(), new HashMap<>()));
  }
}
