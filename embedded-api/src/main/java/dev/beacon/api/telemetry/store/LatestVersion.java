package dev.beacon.api.telemetry.store;

import java.time.LocalDate;
import java.util.Map;

/** A machine's version as its latest heartbeat in the open days reported it (read only). */
public final class LatestVersion {
  private LatestVersion() {}

  /** The version of the machine's latest heartbeat in the app's open days, or {@code null}. Hold the fold's lock ({@link UsageFold#read}). */
  public static String of(OpenUsage usage, String appId, String hash) {
    AppUsage app = usage.find(appId);
    if (app == null) {
      return null;
    }
    int ordinal = app.ordinal(hash);
    if (ordinal < 0) {
      return null;
    }
    for (Map.Entry<LocalDate, OpenDay> day : app.days().descendingMap().entrySet()) {
      if (day.getValue().active(ordinal)) {
        return day.getValue().version(ordinal);
      }
    }
    return null;
  }
}
