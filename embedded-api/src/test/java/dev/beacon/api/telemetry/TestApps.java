package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.store.StoreProbe;
import dev.beacon.api.telemetry.store.UsageFold;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Apps for client-endpoint tests, made through the API, and direct looks into the database. */
public final class TestApps {
  private TestApps() {}

  /** An app as its developer sees it right after creating it. */
  public record Created(String appId, String appKey) {}

  /** Creates an app for the developer through {@code POST /v1/user/{openId}/app}. */
  public static Created create(Api developer) {
    Resp r = developer.post("/v1/user/" + developer.openId + "/app",
        new JsonObject().put("name", "app-" + UUID.randomUUID().toString().substring(0, 8)).put("platform", 1));
    assertEquals(200, r.status(), r::toString);
    JsonObject app = r.json().getJsonObject("app");
    return new Created(app.getString("appId"), app.getString("appKey"));
  }

  /**
   * The machine-days of an app's open days (one per machine and day, with the version and time of
   * its last heartbeat that day), oldest machine first, under the column names of the old
   * one-row-per-heartbeat table: MACHINE_HASH, APP_VERSION, RECEIVED_AT, HB_DAY. Folds and
   * writes a snapshot first, so the machines are saved too.
   */
  public static List<Map<String, Object>> machineDays(TestServer server, String appId) throws SQLException {
    fold(server, appId);
    Map<Integer, String> hashes = new java.util.HashMap<>();
    saved(server, appId).forEach((hash, ordinal) -> hashes.put(ordinal, hash));
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoreProbe.MachineDay d : StoreProbe.openMachineDays(engine(server), appId)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ORDINAL", d.ordinal());
      row.put("MACHINE_HASH", hashes.get(d.ordinal()));
      row.put("APP_VERSION", d.version());
      row.put("RECEIVED_AT", d.lastAt());
      row.put("HB_DAY", java.sql.Date.valueOf(d.day()));
      out.add(row);
    }
    out.sort(java.util.Comparator.comparing((Map<String, Object> r) -> (Integer) r.get("ORDINAL"))
        .thenComparing(r -> ((java.sql.Date) r.get("HB_DAY")).toLocalDate()));
    out.forEach(r -> r.remove("ORDINAL"));
    return out;
  }

  /**
   * Has the server fold its heartbeat log, as every read of usage does first (asks for the app's
   * summary as the admin), and write a snapshot, as it does every half minute.
   */
  public static void fold(TestServer server, String appId) throws SQLException {
    Api admin = server.admin();
    Resp r = admin.get("/v1/user/" + admin.openId + "/app/" + appId + "/stats/summary");
    assertEquals(1000, r.code(), r::toString);
    engine(server).snapshot();
  }

  /** The app's machines as the server has saved them (hash to ordinal), after a fold and a snapshot. */
  public static Map<String, Integer> machines(TestServer server, String appId) throws SQLException {
    fold(server, appId);
    return saved(server, appId);
  }

  private static Map<String, Integer> saved(TestServer server, String appId) throws SQLException {
    try (Connection c = server.server().db().dataSource().getConnection()) {
      return machines(c, appId);
    }
  }

  /** The app's machines saved in the database behind {@code c} (hash to ordinal). */
  public static Map<String, Integer> machines(Connection c, String appId) throws SQLException {
    return StoreProbe.savedMachines(c, appId);
  }

  /** The server's usage storage engine. */
  static UsageFold engine(TestServer server) {
    return server.server().feature(TelemetryFeature.class).fold();
  }

  /**
   * How many heartbeats of the app are durable right now: in the log files on disk (in the
   * database's shared log on PostgreSQL), or in the snapshot of its open days (machine-days) in the
   * database.
   */
  public static long durable(TestServer server, String appId) throws Exception {
    long inSnapshot = 0;
    for (Map<String, Object> r : rows(server, "select usage_day, part, machines from tel_open_day where app_id = ?", appId)) {
      inSnapshot += StoreProbe.machinesInPart(((java.sql.Date) r.get("USAGE_DAY")).toLocalDate(),
          ((Number) r.get("PART")).intValue(), (byte[]) r.get("MACHINES"));
    }
    if (dev.beacon.api.support.TestDatabase.postgres()) {
      try (Connection c = server.server().db().dataSource().getConnection()) {
        return inSnapshot + StoreProbe.loggedInDatabase(c, appId);
      }
    }
    return inSnapshot + StoreProbe.logged(server.dataDir().resolve(TelemetryFeature.LOG_FOLDER), appId);
  }

  /** Freezes an app through the admin endpoint. */
  public static void freeze(TestServer server, String appId) {
    Resp r = server.admin().post("/v1/admin/app/" + appId + "/action", new JsonObject().putNull("freeze"));
    assertEquals(1000, r.code(), r::toString);
  }

  /** The app's HMAC secret, which the API never shows. */
  public static String secret(TestServer server, String appId) throws SQLException {
    return (String) rows(server, "select secret from app where app_id = ?", appId).get(0).get("SECRET");
  }

  /**
   * Runs a query; column names come back upper case, as H2 reports them, and time stamps with a
   * zone as {@link java.time.OffsetDateTime} on H2 and PostgreSQL alike.
   */
  public static List<Map<String, Object>> rows(TestServer server, String sql, Object... args) throws SQLException {
    try (Connection c = server.server().db().dataSource().getConnection();
        PreparedStatement st = prepare(c, sql, args);
        ResultSet rs = st.executeQuery()) {
      List<Map<String, Object>> out = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          boolean zoned = rs.getMetaData().getColumnType(i) == java.sql.Types.TIMESTAMP_WITH_TIMEZONE
              || "timestamptz".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(i));
          row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(),
              zoned ? rs.getObject(i, java.time.OffsetDateTime.class) : rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** The single number a {@code select count(*) ...} returns. */
  public static long count(TestServer server, String sql, Object... args) throws SQLException {
    return ((Number) rows(server, sql, args).get(0).values().iterator().next()).longValue();
  }

  public static int update(TestServer server, String sql, Object... args) throws SQLException {
    try (Connection c = server.server().db().dataSource().getConnection(); PreparedStatement st = prepare(c, sql, args)) {
      return st.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
    return st;
  }
}
