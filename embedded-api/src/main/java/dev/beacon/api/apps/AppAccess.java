package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Finding an app for a caller: a developer's own app (by openId), or a client's app (by app key,
 * compared in constant time, refused when frozen). Every feature that hangs data on an app goes
 * through here.
 */
public final class AppAccess {
  private AppAccess() {}

  /** The developer's app, or 4004 (also when it belongs to someone else: ids are not disclosed). */
  public static App owned(Session s, String openId, String appId) {
    App app = appId == null ? null : s.find(App.class, appId);
    if (app == null || !app.openId.equals(openId)) {
      throw ApiException.notFound("no app " + appId + " for this developer");
    }
    return app;
  }

  /**
   * An app the caller may read: their own, or any app for an admin; 4004 otherwise (ids are not
   * disclosed).
   */
  public static App readable(Session s, String openId, boolean admin, String appId) {
    if (!admin) {
      return owned(s, openId, appId);
    }
    App app = appId == null ? null : s.find(App.class, appId);
    if (app == null) {
      throw ApiException.notFound("no app " + appId);
    }
    return app;
  }

  /**
   * The app a client names by {@code appId} and {@code appKey} (family B): 4004 for an unknown
   * app, 4001 for a wrong key, 4003 when frozen.
   */
  public static App client(Session s, String appId, String appKey) {
    App app = appId == null ? null : s.find(App.class, appId);
    if (app == null) {
      throw ApiException.notFound("no app " + appId);
    }
    if (!keysEqual(app.appKey, appKey)) {
      throw ApiException.authFailed("appKey does not match the app");
    }
    if (app.frozen()) {
      throw ApiException.forbidden("the app is frozen");
    }
    return app;
  }

  /** The app a client names by key alone (family A's {@code app_key}): 4001 unknown, 4003 frozen. */
  public static App byKey(Session s, String appKey) {
    App app = appKey == null ? null : s.createSelectionQuery("from App a where a.appKey = :k", App.class)
        .setParameter("k", appKey.trim())
        .getResultList().stream().findFirst().orElse(null);
    if (app == null) {
      throw ApiException.authFailed("unknown app_key");
    }
    if (app.frozen()) {
      throw ApiException.forbidden("the app is frozen");
    }
    return app;
  }

  /**
   * The app a Sentry SDK names by its DSN: the public key (401 when no app has it), which must be
   * the key of project {@code projectId} (403 otherwise), of an app that is not frozen (403).
   */
  public static App bySentryKey(Session s, String projectId, String sentryKey) {
    App app = sentryKey == null || sentryKey.isBlank() ? null : withSentryKey(s, sentryKey.trim());
    if (app == null) {
      throw unknownSentryKey();
    }
    checkSentry(app.sentryProjectId, app.frozen(), projectId);
    return app;
  }

  /**
   * The app whose DSN has {@code key}, or {@code null}. An app found so before is read by its id
   * (cheaper than the query, which ingest would run once per batch) and kept only while its row
   * still has the key; otherwise, or the first time, the query finds it.
   */
  private static App withSentryKey(Session s, String key) {
    String known = SENTRY_KEY_APPS.get(key);
    if (known != null) {
      App app = s.find(App.class, known);
      if (app != null && key.equals(app.sentryKey)) {
        return app;
      }
      SENTRY_KEY_APPS.remove(key, known);
    }
    App app = s.createSelectionQuery("from App a where a.sentryKey = :k", App.class)
        .setParameter("k", key)
        .getResultList().stream().findFirst().orElse(null);
    if (app != null) {
      if (SENTRY_KEY_APPS.size() >= MAX_KNOWN_KEYS) {
        SENTRY_KEY_APPS.clear();
      }
      SENTRY_KEY_APPS.put(key, app.appId);
    }
    return app;
  }

  /** The id of the app each Sentry key was last found with (a hint: the row found by it is checked). */
  private static final Map<String, String> SENTRY_KEY_APPS = new ConcurrentHashMap<>();
  private static final int MAX_KNOWN_KEYS = 10_000;

  /** The refusal of a Sentry key that no app's DSN has (401). */
  public static ApiException unknownSentryKey() {
    return ApiException.authFailed("unknown sentry_key: it is not the key of any app's DSN (rotated, or mistyped)");
  }

  /**
   * Refuses (403) the key of an app whose DSN names another project than {@code projectId}, or of a
   * frozen app; the checks of {@link #bySentryKey} once the key's app is known.
   */
  public static void checkSentry(int appProjectId, boolean frozen, String projectId) {
    if (!Integer.toString(appProjectId).equals(projectId)) {
      throw ApiException.forbidden("the sentry_key is not the key of project " + projectId + " (the DSN names project "
          + appProjectId + ")");
    }
    if (frozen) {
      throw ApiException.forbidden("the app is frozen");
    }
  }

  /** Constant-time comparison of app keys. */
  public static boolean keysEqual(String expected, String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.trim().getBytes(StandardCharsets.UTF_8));
  }
}
