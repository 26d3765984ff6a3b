package dev.beacon.api.telemetry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.beacon.api.apps.AppChanges;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps behind client keys, as the heartbeat ingest needs them (id, secret, frozen, zone),
 * cached so that a batch of heartbeats of known apps needs no database. A change of an app
 * ({@link AppChanges}: edit, freeze, delete) drops it from the cache at once; since that is told
 * before the change commits, the app is not cached again for {@value #SETTLE_MS} ms (read from the
 * database meanwhile), so the old row cannot come back. Unknown keys are never cached.
 */
final class AppKeys implements AutoCloseable {
  /** What the ingest needs of an app. */
  record AppRow(String appId, String secret, boolean frozen, ZoneId zone) {}

  /** Reads the apps of keys the cache does not have (absent: unknown keys). */
  @FunctionalInterface
  interface Loader {
    Map<String, AppRow> load(List<String> keys) throws SQLException;
  }

  static final long SETTLE_MS = 5_000;

  private final Cache<String, AppRow> byKey = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();
  /** Apps changed lately, and until when (System.nanoTime) they are not cached. */
  private final Map<String, Long> unsettled = new ConcurrentHashMap<>();
  private final Runnable unlisten;

  AppKeys() {
    this.unlisten = AppChanges.listen(this::changed);
  }

  /** The apps of these keys: from the cache, the others through {@code loader}. */
  Map<String, AppRow> get(List<String> keys, Loader loader) throws SQLException {
    Map<String, AppRow> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      AppRow row = byKey.getIfPresent(k);
      if (row != null) {
        out.put(k, row);
      } else {
        missing.add(k);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    Map<String, AppRow> loaded = loader.load(missing);
    out.putAll(loaded);
    long now = System.nanoTime();
    unsettled.values().removeIf(until -> until - now < 0);
    loaded.forEach((k, row) -> {
      if (!unsettled.containsKey(row.appId())) {
        byKey.put(k, row);
        if (unsettled.containsKey(row.appId())) {
          byKey.invalidate(k); // changed while it was being put
        }
      }
    });
    return out;
  }

  private void changed(String appId) {
    unsettled.put(appId, System.nanoTime() + SETTLE_MS * 1_000_000);
    byKey.asMap().values().removeIf(row -> row.appId().equals(appId));
  }

  @Override
  public void close() {
    unlisten.run();
  }
}
