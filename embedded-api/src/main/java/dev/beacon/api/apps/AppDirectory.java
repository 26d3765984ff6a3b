package dev.beacon.api.apps;

import dev.beacon.api.core.Db;
import dev.beacon.api.core.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A read-only view of the apps for other features, so that they read apps through here and never
 * the {@code app} table: apps by client key, which apps exist, their zones, and a notice when one
 * changes. Plain JDBC on the caller's connection (inside its transaction); blocking.
 */
public final class AppDirectory {
  /** What a client key stands for: the app, its HMAC secret, whether it is frozen, its days' zone. */
  public record Entry(String appId, String secret, boolean frozen, ZoneId zone) {}

  /** The app id {@link #onChange} listeners are told when every app may have changed. */
  public static final String ALL_APPS = "*";

  private final AppChanges changes;

  private AppDirectory(AppChanges changes) {
    this.changes = changes;
  }

  /** The apps of the server whose database is {@code db}. */
  public static AppDirectory of(Db db) {
    return new AppDirectory(AppChanges.of(db));
  }

  /** The apps of these client keys, by key (absent: unknown keys). */
  public Map<String, Entry> byKeys(Connection c, List<String> keys) throws SQLException {
    Map<String, Entry> out = new HashMap<>();
    Jdbc.queryIn(c, "SELECT app_id, app_key, secret, status, time_zone FROM app WHERE app_key IN (%s)", keys,
        rs -> out.put(rs.getString(2), new Entry(rs.getString(1), rs.getString(3), rs.getInt(4) == App.FROZEN,
            App.zoneOf(rs.getString(5)))));
    return out;
  }

  /** What a Sentry DSN key stands for: the app, the project its DSN names, whether it is frozen. */
  public record SentryEntry(String appId, int projectId, boolean frozen) {}

  /** The app whose DSN has this public key, or {@code null}. */
  public SentryEntry bySentryKey(Connection c, String sentryKey) throws SQLException {
    SentryEntry[] out = {null};
    Jdbc.query(c, "SELECT app_id, sentry_project_id, status FROM app WHERE sentry_key = ?",
        rs -> out[0] = new SentryEntry(rs.getString(1), rs.getInt(2), rs.getInt(3) == App.FROZEN), sentryKey);
    return out[0];
  }

  /** Which of these apps exist. */
  public Set<String> existing(Connection c, List<String> appIds) throws SQLException {
    Set<String> out = new HashSet<>();
    Jdbc.queryIn(c, "SELECT app_id FROM app WHERE app_id IN (%s)", appIds, rs -> out.add(rs.getString(1)));
    return out;
  }

  /** Every app's zone (its calendar days), by app id. */
  public Map<String, ZoneId> zones(Connection c) throws SQLException {
    Map<String, ZoneId> out = new HashMap<>();
    Jdbc.query(c, "SELECT app_id, time_zone FROM app", rs -> out.put(rs.getString(1), App.zoneOf(rs.getString(2))));
    return out;
  }

  /**
   * Calls {@code listener} with the id of every app changed or deleted from now on, as Hibernate
   * writes the change (before its transaction commits), and again when another instance on the same
   * database changed it (after it committed there); with {@link #ALL_APPS} when
   * any app may have changed unheard of. It must be quick and must not block. The returned handle
   * stops it.
   */
  public Runnable onChange(Consumer<String> listener) {
    return changes.listen(listener);
  }
}
