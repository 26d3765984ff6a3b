package dev.beacon.api.sentry;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.GroupCommit;
import dev.beacon.api.core.GroupCommit.Outcome;
import dev.beacon.api.core.Jdbc;
import dev.beacon.api.shared.MachineHash;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Release health from Sentry sessions: {@code session} updates and {@code sessions} aggregates,
 * counted per app, release (its version, as for events), environment and the day the session
 * started (in the app's zone) as started, exited (ended normally), errored (had at least one
 * error; a crash is one), crashed and abnormal, each exactly once per session:
 * <ul>
 *   <li>a session is remembered by its {@code sid} ({@code sentry_session}): its first update
 *       counts it started (whatever its {@code init} says, since updates may arrive out of order)
 *       and fixes its release, environment and day; its first terminal status ({@code exited},
 *       {@code crashed}, {@code abnormal}; the older {@code errored} counts as exited with errors)
 *       counts once, and a terminal session takes no more updates; {@code errors > 0} counts it
 *       errored once. A replayed update changes nothing.
 *   <li>an aggregate item is remembered by the SHA-256 of its bytes, so a retried envelope counts
 *       it once: each bucket adds its {@code exited + errored + abnormal + crashed} to started,
 *       {@code exited + errored} to exited, and the rest to their own counts.
 *   <li>a {@code did} (hashed under the app's secret) is a machine of the release: remembered per
 *       release and environment with whether one of its sessions crashed (crash-free machines),
 *       and counted active today in the usage analytics, like a heartbeat.
 * </ul>
 * One transaction at a time with group commit, so two copies of an update sent at once count once.
 */
final class Sessions {
  static final int MAX_BATCH = 128;
  private static final Set<String> TERMINAL = Set.of("exited", "crashed", "abnormal", "errored");

  /** An envelope's session items, for the app of a DSN key. */
  record Work(String projectId, String sentryKey, List<JsonObject> updates, List<Aggregate> aggregates, Instant now) {}

  /** A {@code sessions} item and the digest of its bytes. */
  record Aggregate(JsonObject json, String digest) {}

  /** A machine a session named: to count active. */
  record Active(String appKey, String machineId, String version) {}

  private final GroupCommit<Work, List<Active>> commits;

  Sessions(Db db) {
    this.commits = new GroupCommit<>(db, MAX_BATCH, Integer.MAX_VALUE, "sessions", batch -> db.inTx(s -> {
      List<Outcome<List<Active>>> out = new ArrayList<>();
      for (Work w : batch) {
        App app;
        try {
          app = AppAccess.bySentryKey(s, w.projectId(), w.sentryKey());
        } catch (ApiException refused) {
          out.add(Outcome.failed(refused));
          continue;
        }
        out.add(Outcome.ok(s.doReturningWork(c -> store(c, app, w))));
      }
      return out;
    }));
  }

  /** Counts an envelope's sessions; completes with the machines to count active once committed. */
  Future<List<Active>> add(Work w) {
    return commits.add(w);
  }

  private static List<Active> store(Connection c, App app, Work w) throws SQLException {
    List<Active> active = new ArrayList<>();
    for (JsonObject u : w.updates()) {
      update(c, app, u, w.now(), active);
    }
    for (Aggregate a : w.aggregates()) {
      aggregate(c, app, a, w.now(), active);
    }
    return active;
  }

  private static void update(Connection c, App app, JsonObject u, Instant now, List<Active> active) throws SQLException {
    String sid = text(u.getValue("sid"), 80);
    JsonObject attrs = u.getValue("attrs") instanceof JsonObject o ? o : new JsonObject();
    String version = EventReader.version(text(attrs.getValue("release"), 400));
    if (sid == null || version == null) {
      return; // Sentry drops a session without id or release too
    }
    String release = cut(version, 200);
    String environment = cut(orDefault(text(attrs.getValue("environment"), 64), "production"), 64);
    String status = orDefault(text(u.getValue("status"), 16), "ok").toLowerCase(Locale.ROOT);
    boolean errored = u.getValue("errors") instanceof Number n && n.longValue() > 0 || "errored".equals(status) || "crashed".equals(status);
    long seq = u.getValue("seq") instanceof Number n ? n.longValue() : 0;
    String did = text(u.getValue("did"), 255);

    Object[] known = {null, null, null, null, null};
    Jdbc.query(c, "SELECT release_name, environment, started_day, status, errored FROM sentry_session WHERE app_id = ? AND sid = ?",
        rs -> {
          known[0] = rs.getString(1);
          known[1] = rs.getString(2);
          known[2] = rs.getObject(3, LocalDate.class);
          known[3] = rs.getString(4);
          known[4] = rs.getBoolean(5);
        }, app.appId, sid);
    boolean terminal = TERMINAL.contains(status);
    String countAs = "errored".equals(status) ? "exited" : status;
    if (known[0] == null) {
      LocalDate day = LocalDate.ofInstant(instant(u.getValue("started"), now), app.zone());
      Jdbc.update(c, "INSERT INTO sentry_session (app_id, sid, release_name, environment, started_day, status, errored, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          app.appId, sid, release, environment, day, status, errored, seq);
      count(c, app.appId, release, environment, day, 1, terminal && "exited".equals(countAs) ? 1 : 0,
          errored ? 1 : 0, "crashed".equals(countAs) ? 1 : 0, "abnormal".equals(countAs) ? 1 : 0);
    } else {
      String was = (String) known[3];
      if (TERMINAL.contains(was)) {
        return; // a terminal session takes no more updates
      }
      boolean newlyErrored = errored && !((Boolean) known[4]);
      release = (String) known[0];
      environment = (String) known[1];
      LocalDate day = (LocalDate) known[2];
      if (!terminal && !newlyErrored) {
        Jdbc.update(c, "UPDATE sentry_session SET seq = ? WHERE app_id = ? AND sid = ? AND seq < ?", seq, app.appId, sid, seq);
      } else {
        Jdbc.update(c, "UPDATE sentry_session SET status = ?, errored = ?, seq = ? WHERE app_id = ? AND sid = ?",
            status, errored || (Boolean) known[4], Math.max(seq, 0), app.appId, sid);
        count(c, app.appId, release, environment, day, 0, terminal && "exited".equals(countAs) ? 1 : 0, newlyErrored ? 1 : 0,
            terminal && "crashed".equals(countAs) ? 1 : 0, terminal && "abnormal".equals(countAs) ? 1 : 0);
      }
    }
    if (did != null) {
      machine(c, app, release, environment, did, "crashed".equals(status));
      active.add(new Active(app.appKey, did, release));
    }
  }

  private static void aggregate(Connection c, App app, Aggregate a, Instant now, List<Active> active) throws SQLException {
    JsonObject attrs = a.json().getValue("attrs") instanceof JsonObject o ? o : new JsonObject();
    String version = EventReader.version(text(attrs.getValue("release"), 400));
    if (version == null || !(a.json().getValue("aggregates") instanceof JsonArray buckets)) {
      return;
    }
    String release = cut(version, 200);
    String environment = cut(orDefault(text(attrs.getValue("environment"), 64), "production"), 64);
    String sid = "agg:" + a.digest();
    int seen = Jdbc.update(c, "UPDATE sentry_session SET seq = seq WHERE app_id = ? AND sid = ?", app.appId, sid);
    if (seen > 0) {
      return; // this aggregate was counted already (a retried envelope)
    }
    LocalDate first = null;
    for (Object o : buckets) {
      if (!(o instanceof JsonObject b)) {
        continue;
      }
      long exited = count(b, "exited");
      long errored = count(b, "errored");
      long abnormal = count(b, "abnormal");
      long crashed = count(b, "crashed");
      LocalDate day = LocalDate.ofInstant(instant(b.getValue("started"), now), app.zone());
      first = first == null || day.isBefore(first) ? day : first;
      count(c, app.appId, release, environment, day, exited + errored + abnormal + crashed, exited + errored, errored, crashed, abnormal);
      String did = text(b.getValue("did"), 255);
      if (did != null) {
        machine(c, app, release, environment, did, crashed > 0);
        active.add(new Active(app.appKey, did, release));
      }
    }
    Jdbc.update(c, "INSERT INTO sentry_session (app_id, sid, release_name, environment, started_day, status, errored, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        app.appId, sid, release, environment, first == null ? LocalDate.ofInstant(now, app.zone()) : first, "aggregate", false, 0L);
  }

  private static void count(Connection c, String appId, String release, String environment, LocalDate day,
      long started, long exited, long errored, long crashed, long abnormal) throws SQLException {
    if (started == 0 && exited == 0 && errored == 0 && crashed == 0 && abnormal == 0) {
      return;
    }
    Jdbc.upsert(c,
        "UPDATE sentry_session_day SET started = started + ?, exited = exited + ?, errored = errored + ?, crashed = crashed + ?, abnormal = abnormal + ?"
            + " WHERE app_id = ? AND release_name = ? AND environment = ? AND started_day = ?",
        "INSERT INTO sentry_session_day (started, exited, errored, crashed, abnormal, app_id, release_name, environment, started_day)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        started, exited, errored, crashed, abnormal, appId, release, environment, day);
  }

  private static void machine(Connection c, App app, String release, String environment, String did, boolean crashed) throws SQLException {
    String hash = MachineHash.of(app.secret, did);
    int changed = Jdbc.update(c, "UPDATE sentry_session_machine SET crashed = (crashed OR ?) WHERE app_id = ? AND release_name = ? AND environment = ? AND machine_hash = ?",
        crashed, app.appId, release, environment, hash);
    if (changed == 0) {
      Jdbc.update(c, "INSERT INTO sentry_session_machine (app_id, release_name, environment, machine_hash, crashed) VALUES (?, ?, ?, ?, ?)",
          app.appId, release, environment, hash, crashed);
    }
  }

  private static long count(JsonObject bucket, String field) {
    return bucket.getValue(field) instanceof Number n ? Math.max(0, n.longValue()) : 0;
  }

  private static Instant instant(Object value, Instant now) {
    if (value instanceof String s) {
      try {
        return OffsetDateTime.parse(s.strip()).toInstant();
      } catch (DateTimeParseException e) {
        return now;
      }
    }
    if (value instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 253_402_300_799d) {
      return Instant.ofEpochSecond(n.longValue());
    }
    return now;
  }

  private static String text(Object value, int max) {
    if (!(value instanceof String s) || s.isBlank()) {
      return value instanceof Number ? String.valueOf(value) : null;
    }
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static String orDefault(String s, String fallback) {
    return s == null ? fallback : s;
  }
}
