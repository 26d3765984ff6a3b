package dev.beacon.api.telemetry;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.GroupCommit.Outcome;
import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.telemetry.AppKeys.AppRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Heartbeats on their way into storage (blocking, plain JDBC): {@link #resolve} checks their app
 * keys and hashes their machines before the ingest logs them; the small lookups the rest of the
 * usage storage shares (which apps still exist, an app's machine count). Days are calendar days in
 * the app's zone at the moment the heartbeat is received.
 */
final class UsageStore {
  /** One heartbeat as received. */
  record Beat(String appKey, String machineId, String version, Instant at) {}

  /** An accepted heartbeat as it is stored: the machine's HMAC, and its day in the app's zone. */
  record Hashed(String appId, String hash, String version, LocalDate day, Instant at) {}

  /** The outcome of each beat, and what is stored of each (null where refused). */
  record Resolved(List<Outcome<Boolean>> outcomes, List<Hashed> accepted) {}

  /** An app's day. */
  record DayKey(String appId, LocalDate day) {}

  private static final int CHUNK = 500;

  private UsageStore() {}

  /** The distinct app keys of the beats. */
  static List<String> keys(List<Beat> beats) {
    return beats.stream().map(b -> b.appKey().trim()).distinct().toList();
  }

  /**
   * Checks each beat's app key against {@code apps} (their apps by key: 401 unknown, 403 frozen)
   * and turns the accepted ones into what is stored: the machine's HMAC under the app's secret and
   * the day in the app's zone.
   */
  static Resolved resolve(Map<String, AppRow> apps, List<Beat> beats) {
    List<Outcome<Boolean>> outcomes = new ArrayList<>(beats.size());
    List<Hashed> accepted = new ArrayList<>(beats.size());
    Map<String, UnaryOperator<String>> hashers = new HashMap<>();
    for (Beat b : beats) {
      AppRow app = apps.get(b.appKey().trim());
      if (app == null || app.frozen()) {
        outcomes.add(Outcome.failed(app == null ? ApiException.authFailed("unknown app_key") : ApiException.forbidden("the app is frozen")));
        accepted.add(null);
        continue;
      }
      outcomes.add(Outcome.ok(true));
      String hash = hashers.computeIfAbsent(app.appId(), k -> MachineHash.hasher(app.secret())).apply(b.machineId());
      accepted.add(new Hashed(app.appId(), hash, b.version(), LocalDate.ofInstant(b.at(), app.zone()), b.at()));
    }
    return new Resolved(outcomes, accepted);
  }

  /** The apps of these keys (absent: unknown keys). */
  static Map<String, AppRow> apps(Connection c, List<String> keys) throws SQLException {
    Map<String, AppRow> out = new HashMap<>();
    selectIn(c, "SELECT app_id, app_key, secret, status, time_zone FROM app WHERE app_key IN (%s)", List.of(), keys,
        rs -> out.put(rs.getString(2), new AppRow(rs.getString(1), rs.getString(3), rs.getInt(4) == App.FROZEN,
            App.zoneOf(rs.getString(5)))));
    return out;
  }

  /** Which of these apps still exist. */
  static java.util.Set<String> existingApps(Connection c, List<String> appIds) throws SQLException {
    java.util.Set<String> out = new java.util.HashSet<>();
    selectIn(c, "SELECT app_id FROM app WHERE app_id IN (%s)", List.of(), appIds, rs -> out.add(rs.getString(1)));
    return out;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} for each chunk of {@code values} (its {@code %s} becomes the chunk's
   * placeholders, bound after {@code leading}) and hands every row to {@code row}.
   */
  private static void selectIn(Connection c, String sql, List<String> leading, List<String> values, RowReader row)
      throws SQLException {
    for (List<String> chunk : chunks(values)) {
      try (PreparedStatement st = c.prepareStatement(String.format(sql, marks(chunk.size())))) {
        int i = 1;
        for (String v : leading) {
          st.setString(i++, v);
        }
        for (String v : chunk) {
          st.setString(i++, v);
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            row.read(rs);
          }
        }
      }
    }
  }

  /**
   * How many machines the app has seen, which is also the next free ordinal (they are dense from
   * 0), as of the last snapshot: kept in {@code tel_app} by {@link UsageSnapshots}.
   */
  static int machines(Connection c, String appId) throws SQLException {
    Integer counted = counted(c, appId);
    return counted == null ? 0 : counted;
  }

  /** The app's row in {@code tel_app}, or null before its first machine. */
  private static Integer counted(Connection c, String appId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT machines FROM tel_app WHERE app_id = ?")) {
      st.setString(1, appId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  /** Runs the update; when it changed no row, the insert (both take the same arguments). */
  static void upsert(Connection c, String update, String insert, Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(update)) {
      bind(st, args);
      if (st.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement st = c.prepareStatement(insert)) {
      bind(st, args);
      st.executeUpdate();
    }
  }

  private static void bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        st.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE); // a day's last heartbeat, the only nullable argument
      } else if (args[i] instanceof byte[] bytes) {
        st.setBytes(i + 1, bytes);
      } else {
        st.setObject(i + 1, args[i]);
      }
    }
  }

  static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return out;
  }

  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
