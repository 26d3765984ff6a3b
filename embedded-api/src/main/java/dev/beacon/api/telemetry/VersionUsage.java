package dev.beacon.api.telemetry;

import dev.beacon.api.telemetry.store.VersionDays;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * What release health reads of usage: an app's machines per version and day (the version of each
 * machine's last heartbeat that day) as sets of usage ordinals, and the ordinals of machine hashes
 * (the same {@code MachineHash} heartbeats are stored under), read together so both sides count the
 * same machines. Usable once the server has started; blocking: call it off the event loop.
 */
public final class VersionUsage {
  /**
   * One day of an app: machines per version as ordinals; {@code countsOnly}: versions of a day
   * closed before the sets were kept, with their counts alone.
   */
  public record Day(Map<String, RoaringBitmap> machines, Map<String, Long> countsOnly) {}

  /** The days of {@code from..to} with traffic (oldest first), and the ordinals of the hashes asked for that usage knows. */
  public record Window(TreeMap<LocalDate, Day> days, Map<String, Integer> ordinals) {}

  private final TelemetryFeature telemetry;

  VersionUsage(TelemetryFeature telemetry) {
    this.telemetry = telemetry;
  }

  /** The app's versions per day over {@code from..to} and the ordinals of {@code hashes}; counts every heartbeat acknowledged so far. */
  public Window read(String appId, LocalDate from, LocalDate to, Collection<String> hashes) throws SQLException {
    return telemetry.usage().fold().readIndexed(appId, (c, usage) -> {
      TreeMap<LocalDate, Day> days = new TreeMap<>();
      VersionDays.read(c, usage, appId, from, to).forEach((d, day) -> days.put(d, new Day(day.machines(), day.countsOnly())));
      return new Window(days, VersionDays.ordinals(usage, appId, hashes));
    });
  }
}
