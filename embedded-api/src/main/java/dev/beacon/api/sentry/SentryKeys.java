package dev.beacon.api.sentry;

import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.apps.AppCache;
import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.apps.AppDirectory.SentryEntry;
import dev.beacon.api.core.Db;
import io.vertx.core.Future;

/**
 * The apps behind Sentry DSN keys, cached ({@link AppCache}: dropped when the app changes, e.g. its
 * DSN rotated or it is frozen or deleted), so that checking the key of a request before its body is
 * read needs no database once the key is known. The store itself checks the key again in its
 * transaction ({@link AppAccess#bySentryKey}), so this only decides how early a request is refused.
 */
final class SentryKeys implements AutoCloseable {
  private final Db db;
  private final AppDirectory apps;
  private final AppCache<SentryEntry> byKey;

  SentryKeys(Db db, AppDirectory apps) {
    this.db = db;
    this.apps = apps;
    this.byKey = new AppCache<>(apps, SentryEntry::appId);
  }

  /**
   * Succeeds when {@code key} is the DSN key of project {@code projectId}'s app, not frozen; fails
   * with 401 (unknown key) or 403 (another project's, frozen) as {@link AppAccess#bySentryKey}.
   * A known key is answered at once, on the caller's thread.
   */
  Future<Void> check(String projectId, String key) {
    SentryEntry cached = byKey.get(key);
    if (cached != null) {
      return checked(cached, projectId);
    }
    return db.jdbc(c -> apps.bySentryKey(c, key)).compose(found -> {
      if (found != null) {
        byKey.put(key, found);
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

  @Override
  public void close() {
    byKey.close();
  }
}
