package dev.beacon.api.telemetry.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.apps.AppDirectory.Entry;
import dev.beacon.api.core.Db;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps behind client keys, as the heartbeat ingest needs them (id, secret, frozen, zone), read
 * through the apps' {@link AppDirectory} and cached so that a batch of heartbeats of known apps
 * needs no database. A change of an app ({@link AppDirectory#onChange}: edit, freeze, delete) drops
 * it from the cache at once; since that is told before the change commits, the app is not cached
 * again for {@value #SETTLE_MS} ms (read from the database meanwhile), so the old row cannot come
 * back. Unknown keys are never cached.
 */
final class AppKeys implements AutoCloseable {
  static final long SETTLE_MS = 5_000;

  private final Db db;
  private final AppDirectory apps;
  private final Cache<String, Entry> byKey = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();
  /** Apps changed lately, and until when (System.nanoTime) they are not cached. */
  private final Map<String, Long> unsettled = new ConcurrentHashMap<>();
  private final Runnable unlisten;

  AppKeys(Db db, AppDirectory apps) {
    this.db = db;
    this.apps = apps;
    this.unlisten = apps.onChange(this::changed);
  }

  /** The apps of these keys (absent: unknown keys): from the cache, the others from the database. Blocking. */
  Map<String, Entry> get(List<String> keys) throws SQLException {
    Map<String, Entry> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      Entry row = byKey.getIfPresent(k);
      if (row != null) {
        out.put(k, row);
      } else {
        missing.add(k);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    Map<String, Entry> loaded = db.inJdbcTx(c -> apps.byKeys(c, missing));
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
