package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
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
   * The stored machine-days of an app (one row per machine and day, with the version and time of
   * its last heartbeat that day), oldest machine first, under the column names of the old
   * one-row-per-heartbeat table: MACHINE_HASH, APP_VERSION, RECEIVED_AT, HB_DAY.
   */
  public static List<Map<String, Object>> machineDays(TestServer server, String appId) throws SQLException {
    fold(server, appId);
    return rows(server, "select m.machine_hash, d.app_version, d.last_at as received_at, d.usage_day as hb_day "
        + "from tel_machine_day d join tel_machine m on m.app_id = d.app_id and m.ordinal = d.ordinal "
        + "where d.app_id = ? order by m.ordinal, d.usage_day", appId);
  }

  /**
   * Has the server fold its heartbeat log into the usage tables, as every read of usage does first:
   * asks for the app's summary as the admin.
   */
  public static void fold(TestServer server, String appId) {
    Api admin = server.admin();
    Resp r = admin.get("/v1/user/" + admin.openId + "/app/" + appId + "/stats/summary");
    assertEquals(1000, r.code(), r::toString);
  }

  /**
   * How many heartbeat records of the app are durable right now, logged or already folded into its
   * machine-days (one statement, so a fold in between cannot count one twice or miss it).
   */
  public static long durable(TestServer server, String appId) throws SQLException {
    return count(server, "select (select count(*) from tel_beat where app_id = ?) + (select count(*) from tel_machine_day where app_id = ?)",
        appId, appId);
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
