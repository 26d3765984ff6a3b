package dev.beacon.api.telemetry;

import dev.beacon.api.apps.App;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.GroupCommit.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Heartbeats into storage (blocking, plain JDBC): {@link #resolve} checks their app keys and hashes
 * their machines (the ingest, before it appends them to the log); {@link #write} writes many in
 * one transaction (the fold): each machine gets a small
 * dense ordinal per app the first time it is seen ({@code tel_machine}, with its first day), each
 * machine and day one row ({@code tel_machine_day}: the version and time of its last heartbeat
 * that day) and each app and day its count of new machines and last heartbeat ({@code tel_day}).
 * Days are calendar days in the app's zone at the moment the heartbeat is received.
 *
 * <p>One writer at a time (the fold) is assumed for new ordinals; a concurrent writer on the same
 * database would hit the unique constraints and its transaction would be rolled back.
 */
final class UsageStore {
  /** One heartbeat as received. */
  record Beat(String appKey, String machineId, String version, Instant at) {}

  /** An accepted heartbeat as it is stored: the machine's HMAC, and its day in the app's zone. */
  record Hashed(String appId, String hash, String version, LocalDate day, Instant at) {}

  /** The outcome of each beat, and what is stored of each (null where refused). */
  record Resolved(List<Outcome<Boolean>> outcomes, List<Hashed> accepted) {}

  /** What {@link #write} did: each beat's machine ordinal, and the ordinals marked active per app and day. */
  record Stored(int[] ordinals, Map<DayKey, List<Integer>> active) {}

  /** An app's day. */
  record DayKey(String appId, LocalDate day) {}

  /**
   * What a batch did: one outcome per beat, each beat's machine ordinal (-1 when refused), and the
   * ordinals it marked active per app and day.
   */
  record Written(List<Outcome<Boolean>> outcomes, int[] ordinals, Map<DayKey, List<Integer>> active) {}

  private record AppRow(String appId, String secret, boolean frozen, ZoneId zone) {}

  private record MachineDay(DayKey key, int ordinal) {}

  private static final int CHUNK = 500;

  private UsageStore() {}

  /** Stores the beats in the caller's transaction: {@link #resolve}, then {@link #write}. */
  static Written store(Connection c, List<Beat> beats) throws SQLException {
    Resolved r = resolve(c, beats);
    Stored s = write(c, r.accepted().stream().filter(java.util.Objects::nonNull).toList());
    int[] ordinals = new int[beats.size()];
    for (int i = 0, j = 0; i < beats.size(); i++) {
      ordinals[i] = r.accepted().get(i) == null ? -1 : s.ordinals()[j++];
    }
    return new Written(r.outcomes(), ordinals, s.active());
  }

  /**
   * Checks each beat's app key (401 unknown, 403 frozen) and turns the accepted ones into what is
   * stored: the machine's HMAC under the app's secret and the day in the app's zone.
   */
  static Resolved resolve(Connection c, List<Beat> beats) throws SQLException {
    Map<String, AppRow> apps = apps(c, beats.stream().map(b -> b.appKey().trim()).distinct().toList());
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

  /**
   * Writes resolved heartbeats into the usage tables in the caller's transaction: new machines get
   * their ordinals, each machine and day its row (the version of its latest heartbeat), each app
   * and day its new machines and last heartbeat. Answers each beat's ordinal and the ordinals
   * marked active per app and day. New machines are numbered in the order of their first heartbeat.
   */
  static Stored write(Connection c, List<Hashed> beats) throws SQLException {
    Map<String, Map<String, LocalDate>> firstDayByHash = new LinkedHashMap<>();
    for (Hashed b : beats) {
      firstDayByHash.computeIfAbsent(b.appId(), k -> new LinkedHashMap<>()).merge(b.hash(), b.day(), (x, y) -> x.isBefore(y) ? x : y);
    }

    Map<DayKey, Integer> newMachines = new HashMap<>();
    Map<String, Map<String, Integer>> ordinals = new HashMap<>();
    Map<String, java.util.Set<String>> fresh = new HashMap<>();
    for (var e : firstDayByHash.entrySet()) {
      String appId = e.getKey();
      Map<String, Integer> known = knownOrdinals(c, appId, new ArrayList<>(e.getValue().keySet()));
      List<String> unknown = e.getValue().keySet().stream().filter(h -> !known.containsKey(h)).toList();
      if (!unknown.isEmpty()) {
        addMachines(c, appId, unknown, e.getValue(), known, newMachines);
      }
      ordinals.put(appId, known);
      fresh.put(appId, new java.util.HashSet<>(unknown));
    }

    // the last beat of each machine and day
    Map<MachineDay, Hashed> last = new LinkedHashMap<>();
    Map<DayKey, Instant> lastAt = new HashMap<>();
    Map<MachineDay, Boolean> isFresh = new HashMap<>();
    int[] beatOrdinals = new int[beats.size()];
    for (int i = 0; i < beats.size(); i++) {
      Hashed b = beats.get(i);
      DayKey key = new DayKey(b.appId(), b.day());
      MachineDay md = new MachineDay(key, ordinals.get(b.appId()).get(b.hash()));
      beatOrdinals[i] = md.ordinal();
      last.merge(md, b, (x, y) -> y.at().isBefore(x.at()) ? x : y);
      lastAt.merge(key, b.at(), (x, y) -> y.isAfter(x) ? y : x);
      isFresh.putIfAbsent(md, fresh.get(b.appId()).contains(b.hash()));
    }
    writeMachineDays(c, last, isFresh);
    writeDays(c, lastAt, newMachines);

    Map<DayKey, List<Integer>> active = new HashMap<>();
    last.keySet().forEach(md -> active.computeIfAbsent(md.key(), k -> new ArrayList<>()).add(md.ordinal()));
    return new Stored(beatOrdinals, active);
  }

  private static Map<String, AppRow> apps(Connection c, List<String> keys) throws SQLException {
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

  private static Map<String, Integer> knownOrdinals(Connection c, String appId, List<String> hashes) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    selectIn(c, "SELECT machine_hash, ordinal FROM tel_machine WHERE app_id = ? AND machine_hash IN (%s)", List.of(appId), hashes,
        rs -> out.put(rs.getString(1), rs.getInt(2)));
    return out;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  private interface RowReader {
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

  /** Gives the new machines the next ordinals and counts them as new on their first day. */
  private static void addMachines(Connection c, String appId, List<String> unknown, Map<String, LocalDate> firstDays,
      Map<String, Integer> ordinals, Map<DayKey, Integer> newMachines) throws SQLException {
    Integer counted = counted(c, appId);
    int next = counted == null ? 0 : counted;
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO tel_machine (app_id, ordinal, machine_hash, first_day) VALUES (?, ?, ?, ?)")) {
      for (String hash : unknown) {
        LocalDate first = firstDays.get(hash);
        st.setString(1, appId);
        st.setInt(2, next);
        st.setString(3, hash);
        st.setObject(4, first);
        st.addBatch();
        ordinals.put(hash, next++);
        newMachines.merge(new DayKey(appId, first), 1, Integer::sum);
      }
      st.executeBatch();
    }
    String sql = counted == null
        ? "INSERT INTO tel_app (machines, app_id) VALUES (?, ?)"
        : "UPDATE tel_app SET machines = ? WHERE app_id = ?";
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setInt(1, next);
      st.setString(2, appId);
      st.executeUpdate();
    }
  }

  /**
   * How many machines the app has seen, which is also the next free ordinal (they are dense from
   * 0): kept in {@code tel_app} by {@link #addMachines}.
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

  /** Updates the rows of machines already seen that day (when newer), inserts the others. */
  private static void writeMachineDays(Connection c, Map<MachineDay, Hashed> last, Map<MachineDay, Boolean> isFresh)
      throws SQLException {
    List<MachineDay> toInsert = new ArrayList<>();
    List<MachineDay> toUpdate = new ArrayList<>();
    last.keySet().forEach(md -> (isFresh.get(md) ? toInsert : toUpdate).add(md));
    if (!toUpdate.isEmpty()) {
      try (PreparedStatement st = c.prepareStatement("UPDATE tel_machine_day SET "
          + "app_version = CASE WHEN last_at <= ? THEN ? ELSE app_version END, "
          + "last_at = CASE WHEN last_at <= ? THEN ? ELSE last_at END "
          + "WHERE app_id = ? AND usage_day = ? AND ordinal = ?")) {
        for (MachineDay md : toUpdate) {
          Hashed b = last.get(md);
          OffsetDateTime at = utc(b.at());
          st.setObject(1, at);
          st.setString(2, b.version());
          st.setObject(3, at);
          st.setObject(4, at);
          st.setString(5, md.key().appId());
          st.setObject(6, md.key().day());
          st.setInt(7, md.ordinal());
          st.addBatch();
        }
        int[] counts = st.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            // the machine's first heartbeat of the day
            toInsert.add(toUpdate.get(i));
          }
        }
      }
    }
    if (!toInsert.isEmpty()) {
      try (PreparedStatement st = c.prepareStatement(
          "INSERT INTO tel_machine_day (app_id, usage_day, ordinal, app_version, last_at) VALUES (?, ?, ?, ?, ?)")) {
        for (MachineDay md : toInsert) {
          Hashed b = last.get(md);
          st.setString(1, md.key().appId());
          st.setObject(2, md.key().day());
          st.setInt(3, md.ordinal());
          st.setString(4, b.version());
          st.setObject(5, utc(b.at()));
          st.addBatch();
        }
        st.executeBatch();
      }
    }
  }

  /** Adds the new machines to each day's count and moves its last heartbeat forward. */
  private static void writeDays(Connection c, Map<DayKey, Instant> lastAt, Map<DayKey, Integer> newMachines)
      throws SQLException {
    List<DayKey> keys = new ArrayList<>(lastAt.keySet());
    List<DayKey> missing = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("UPDATE tel_day SET new_machines = new_machines + ?, "
        + "last_at = CASE WHEN last_at IS NULL OR last_at < ? THEN ? ELSE last_at END WHERE app_id = ? AND usage_day = ?")) {
      for (DayKey k : keys) {
        OffsetDateTime at = utc(lastAt.get(k));
        st.setInt(1, newMachines.getOrDefault(k, 0));
        st.setObject(2, at);
        st.setObject(3, at);
        st.setString(4, k.appId());
        st.setObject(5, k.day());
        st.addBatch();
      }
      int[] counts = st.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          missing.add(keys.get(i));
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try (PreparedStatement st = c.prepareStatement("INSERT INTO tel_day (app_id, usage_day, new_machines, last_at) VALUES (?, ?, ?, ?)")) {
      for (DayKey k : missing) {
        st.setString(1, k.appId());
        st.setObject(2, k.day());
        st.setInt(3, newMachines.getOrDefault(k, 0));
        st.setObject(4, utc(lastAt.get(k)));
        st.addBatch();
      }
      st.executeBatch();
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
