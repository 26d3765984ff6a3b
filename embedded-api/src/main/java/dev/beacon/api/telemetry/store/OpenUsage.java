package dev.beacon.api.telemetry.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage in memory, per app ({@link AppUsage}): its machines and open days. Heartbeats are applied
 * here by the fold, in log order, once it has read in what they need ({@link UsageFold}); what
 * changed since the last snapshot is marked, and {@link UsageSnapshots} writes it to the database.
 * Holds no connection and reads nothing: the fold fills it. Not thread-safe: the fold owns it and
 * readers hold its lock.
 */
public final class OpenUsage {
  private final Map<String, AppUsage> apps = new HashMap<>();

  /** The app's usage if memory holds any, else null. */
  public AppUsage find(String appId) {
    return apps.get(appId);
  }

  /** Adds an app memory holds nothing of yet, with its count of machines. */
  AppUsage add(String appId, int machines) {
    AppUsage app = new AppUsage(appId, machines);
    apps.put(appId, app);
    return app;
  }

  Collection<AppUsage> apps() {
    return apps.values();
  }

  /** The ids of the apps memory holds. */
  List<String> appIds() {
    return new ArrayList<>(apps.keySet());
  }

  /**
   * Applies heartbeats in order (see {@link AppUsage#beat}). Beats of apps memory does not hold are
   * dropped (the fold has read in every app that still exists).
   */
  void apply(List<HashedBeat> beats) {
    for (HashedBeat b : beats) {
      AppUsage app = apps.get(b.appId());
      if (app != null) {
        app.beat(b);
      }
    }
  }

  /** Whether anything changed since the last snapshot. */
  boolean changed() {
    return apps.values().stream().anyMatch(AppUsage::changed);
  }

  /** Forgets an app (deleted). */
  void drop(String appId) {
    apps.remove(appId);
  }

  /** Forgets every app but these (the others were deleted). */
  void retain(Set<String> appIds) {
    apps.keySet().retainAll(appIds);
  }

  /** A snapshot holds everything up to now, and the {@code closed} days leave memory. */
  void saved(List<DayKey> closed) {
    apps.values().forEach(AppUsage::saved);
    for (DayKey d : closed) {
      AppUsage app = apps.get(d.appId());
      if (app != null) {
        app.close(d.day());
      }
    }
  }

  /** The machine's ordinal in the app, or -1 (only for apps whose machines are read). */
  int ordinal(String appId, String hash) {
    AppUsage app = apps.get(appId);
    return app == null ? -1 : app.ordinal(hash);
  }
}
