package dev.beacon.api.telemetry.ingest;

import dev.beacon.api.apps.AppCache;
import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.apps.AppDirectory.Entry;
import dev.beacon.api.core.Db;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps behind client keys, as the heartbeat ingest needs them (id, secret, frozen, zone), read
 * through the apps' {@link AppDirectory} and cached ({@link AppCache}: dropped when the app
 * changes) so that a batch of heartbeats of known apps needs no database.
 */
final class AppKeys implements AutoCloseable {
  private final Db db;
  private final AppDirectory apps;
  private final AppCache<Entry> byKey;

  AppKeys(Db db, AppDirectory apps) {
    this.db = db;
    this.apps = apps;
    this.byKey = new AppCache<>(apps, Entry::appId);
  }

  /** The apps of these keys (absent: unknown keys): from the cache, the others from the database. Blocking. */
  Map<String, Entry> get(List<String> keys) throws SQLException {
    Map<String, Entry> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      Entry row = byKey.get(k);
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
    loaded.forEach(byKey::put);
    return out;
  }

  @Override
  public void close() {
    byKey.close();
  }
}
