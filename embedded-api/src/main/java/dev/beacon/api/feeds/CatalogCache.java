package dev.beacon.api.feeds;

import dev.beacon.api.releases.Catalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * The apps' catalogs, kept until their versions change: each feed request reads the app's
 * {@link Catalog.Stamp} (one small query) and reads the catalog again only when it moved.
 */
final class CatalogCache {
  private final Map<String, Catalog> byApp = new ConcurrentHashMap<>();

  /** The app's catalog as of now (inside the caller's transaction). */
  Catalog get(Session s, String appId) {
    Catalog cached = byApp.get(appId);
    if (cached != null && cached.stamp().equals(Catalog.stamp(s, appId))) {
      return cached;
    }
    Catalog fresh = Catalog.load(s, appId);
    byApp.put(appId, fresh);
    return fresh;
  }
}
