package dev.beacon.api.apps;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What client credentials (app keys, Sentry DSN keys) stand for, kept in memory by the ingest
 * routes so that a request of a known app needs no database. A change of an app
 * ({@link AppDirectory#onChange}: edited, DSN rotated, frozen, deleted) drops its entries at once;
 * since that is told before the change commits, the app is not cached again for
 * {@value #SETTLE_MS} ms (its callers read the database meanwhile), so the old row cannot come
 * back. Callers put only what they found: unknown keys are never cached. A change made by another
 * instance on the same database drops them too, within a second ({@link AppChanges}).
 *
 * @param <V> what a key stands for
 */
public final class AppCache<V> implements AutoCloseable {
  static final long SETTLE_MS = 5_000;

  private final Function<V, String> appIdOf;
  private final Cache<String, V> byKey = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();
  /** Apps changed lately, and until when (System.nanoTime) they are not cached. */
  private final Map<String, Long> unsettled = new ConcurrentHashMap<>();
  private final Runnable unlisten;

  /** A cache of entries of the apps of {@code apps}; {@code appIdOf} says whose an entry is. */
  public AppCache(AppDirectory apps, Function<V, String> appIdOf) {
    this.appIdOf = appIdOf;
    this.unlisten = apps.onChange(this::changed);
  }

  /** What {@code key} stands for, or {@code null} when it is not cached. */
  public V get(String key) {
    return byKey.getIfPresent(key);
  }

  /** Remembers what {@code key} was found to stand for, unless its app changed lately. */
  public void put(String key, V value) {
    String appId = appIdOf.apply(value);
    long now = System.nanoTime();
    unsettled.values().removeIf(until -> until - now < 0);
    if (!unsettled.containsKey(appId)) {
      byKey.put(key, value);
      if (unsettled.containsKey(appId)) {
        byKey.invalidate(key); // changed while it was being put
      }
    }
  }

  private void changed(String appId) {
    if (AppDirectory.ALL_APPS.equals(appId)) {
      byKey.invalidateAll();
      return;
    }
    unsettled.put(appId, System.nanoTime() + SETTLE_MS * 1_000_000);
    byKey.asMap().values().removeIf(v -> appIdOf.apply(v).equals(appId));
  }

  @Override
  public void close() {
    unlisten.run();
  }
}
