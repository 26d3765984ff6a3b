package dev.beacon.api.sentry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.apps.AppDirectory.SentryEntry;
import dev.beacon.api.core.Db;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps behind Sentry DSN keys, cached, so that checking the key of a request before its body
 * is read needs no database once the key is known. A change of an app
 * ({@link AppDirectory#onChange}: DSN rotated, frozen, deleted) drops it from the cache at once;
 * since that is told before the change commits, the app is not cached again for
 * {@value #SETTLE_MS} ms (read from the database meanwhile), so the old row cannot come back.
 * Unknown keys are never cached. The store itself checks the key again in its transaction
 * ({@link AppAccess#bySentryKey}), so this only decides how early a request is refused.
 */
final class SentryKeys implements AutoCloseable {
  static final long SETTLE_MS = 5_000;

  private final Db db;
  private final AppDirectory apps;
  private final Cache<String, SentryEntry> byKey = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();
  /** Apps changed lately, and until when (System.nanoTime) they are not cached. */
  private final Map<String, Long> unsettled = new ConcurrentHashMap<>();
  private final Runnable unlisten;

  SentryKeys(Db db, AppDirectory apps) {
    this.db = db;
    this.apps = apps;
    this.unlisten = apps.onChange(this::changed);
  }

  /**
   * Succeeds when {@code key} is the DSN key of project {@code projectId}'s app, not frozen; fails
   * with 401 (unknown key) or 403 (another project's, frozen) as {@link AppAccess#bySentryKey}.
   * A known key is answered at once, on the caller's thread.
   */
  Future<Void> check(String projectId, String key) {
    SentryEntry cached = byKey.getIfPresent(key);
    if (cached != null) {
      return checked(cached, projectId);
    }
    return db.jdbc(c -> apps.bySentryKey(c, key)).compose(found -> {
      if (found != null) {
        remember(key, found);
      }
      return checked(found, projectId);
    });
  }

  private static Future<Void> checked(SentryEntry app, String projectId) {
    try {
      if (app == null) {
        throw AppAccess.unknownSentryKey();
      }
      AppAccess.checkSentry(app.projectId(), app.frozen(), projectId);
      return Future.succeededFuture();
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  private void remember(String key, SentryEntry app) {
    long now = System.nanoTime();
    unsettled.values().removeIf(until -> until - now < 0);
    if (!unsettled.containsKey(app.appId())) {
      byKey.put(key, app);
      if (unsettled.containsKey(app.appId())) {
        byKey.invalidate(key); // changed while it was being put
      }
    }
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
