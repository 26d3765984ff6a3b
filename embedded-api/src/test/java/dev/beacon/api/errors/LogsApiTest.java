package dev.beacon.api.errors;

import static dev.beacon.api.errors.IssueFixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.shared.MachineHash;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogsApiTest extends ServerTest {

  /** The seed's sample log for an app, with the app's real id and key. */
  static JsonObject sample(TestApps.Created app) {
    return new JsonObject()
        .put("appId", app.appId())
        .put("appKey", app.appKey())
        .put("appVersion", "1.1.1")
        .put("deviceId", "sdafef123")
        .put("appPackage", "com.changhong.app")
        .put("context", new JsonArray().add("java.lang.NullPointerException").add("错误二").add("错误三"));
  }

  static Resp postLog(JsonObject body) {
    return server.anonymous().post("/v1/logs", body);
  }

  static void log(TestApps.Created app, String version, String pkg, String context) {
    Resp r = postLog(sample(app).put("appVersion", version).put("appPackage", pkg).put("context", context));
    assertEquals(1000, r.code(), r::toString);
  }

  static long report(TestApps.Created app, String type, String message) {
    JsonObject body = new JsonObject().put("app_key", app.appKey()).put("machine_id", "pc-1").put("software_version", "2.0.0")
        .put("error_type", type).put("error_message", message).put("error_stack", "at x").put("os_info", "Linux");
    Resp r = server.anonymous().post("/api/v1/error/report", body);
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonObject("data").getLong("id");
  }

  static void createdAt(long id, long epochSecond) throws Exception {
    OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    assertEquals(1, TestApps.update(server, "update error_event set created_at = ? where id = ?", at, id));
  }

  static Resp list(Api dev, String query) {
    return dev.get("/v1/user/" + dev.openId + "/logs" + (query.isEmpty() ? "" : "?" + query));
  }

  static JsonObject listOk(Api dev, String query) {
    Resp r = list(dev, query);
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code(), r::toString);
    assertEquals("success", r.msg());
    return r.json();
  }

  static List<String> contexts(JsonObject page) {
    return page.getJsonArray("errlogList").stream().map(o -> ((JsonObject) o).getString("context")).toList();
  }

  @Test
  void theSeedSampleIsStoredAndAnsweredAsTheSeedShows() throws Exception {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    Resp r = postLog(sample(app));
    assertEquals(200, r.status(), r::toString);
    assertEquals(new JsonObject("{\"code\":1000,\"msg\":\"success\"}"), r.json());

    List<Map<String, Object>> rows = TestApps.rows(server, "select * from error_event where app_id = ?", app.appId());
    assertEquals(1, rows.size());
    Map<String, Object> row = rows.get(0);
    assertEquals("log", row.get("SOURCE"));
    assertEquals("java.lang.NullPointerException", row.get("ERROR_TYPE"));
    assertEquals("java.lang.NullPointerException\n错误二\n错误三", row.get("MESSAGE"));
    assertEquals(MachineHash.of(TestApps.secret(server, app.appId()), "sdafef123"), row.get("MACHINE_ID"), "stored hashed, as family A's");
    assertEquals("sdafef123", row.get("DEVICE_ID"), "kept as sent for the list");
    assertEquals("com.changhong.app", row.get("APP_PACKAGE"));
    assertEquals("1.1.1", row.get("APP_VERSION"));

    JsonObject entry = listOk(dev, "").getJsonArray("errlogList").getJsonObject(0);
    assertEquals(app.appId(), entry.getString("appId"));
    assertEquals("1.1.1", entry.getString("appVersion"));
    assertEquals("sdafef123", entry.getString("deviceId"));
    assertEquals("com.changhong.app", entry.getString("appPackage"));
    assertEquals("java.lang.NullPointerException\n错误二\n错误三", entry.getString("context"));
    assertTrue(entry.getString("createDate").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), entry::encode);
    assertEquals("log", entry.getString("source"));
    assertNotNull(entry.getLong("id"));
  }

  @Test
  void aLogAndAReportFromOneMachineStoreTheSameHash() throws Exception {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    report(app, "IOException", "disk full");
    assertEquals(1000, postLog(sample(app).put("deviceId", " pc-1 ")).code());
    List<Map<String, Object>> rows = TestApps.rows(server,
        "select source, machine_id, device_id from error_event where app_id = ? order by id", app.appId());
    assertEquals("report", rows.get(0).get("SOURCE"));
    assertEquals("log", rows.get(1).get("SOURCE"));
    assertEquals(MachineHash.of(TestApps.secret(server, app.appId()), "pc-1"), rows.get(0).get("MACHINE_ID"));
    assertEquals(rows.get(0).get("MACHINE_ID"), rows.get(1).get("MACHINE_ID"), "one machine, one hash, whichever family sent it");
    assertNull(rows.get(0).get("DEVICE_ID"), "family A's machine id is never stored raw");
    assertEquals("pc-1", rows.get(1).get("DEVICE_ID"));
  }

  @Test
  void contextMayBeAStringAndKeysAreTrimmed() throws Exception {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    JsonObject body = new JsonObject().put("appId ", app.appId()).put(" appKey", app.appKey()).put("appVersion", "1.0")
        .put("deviceId", "d").put("appPackage", "p").put("context", "\njava.lang.OutOfMemoryError: heap\n  at a.b()");
    assertEquals(1000, postLog(body).code());
    Map<String, Object> row = TestApps.rows(server, "select * from error_event where app_id = ?", app.appId()).get(0);
    assertEquals("java.lang.OutOfMemoryError: heap", row.get("ERROR_TYPE"), "the type is the first non-blank line");
    assertEquals("\njava.lang.OutOfMemoryError: heap\n  at a.b()", row.get("MESSAGE"));
  }

  @Test
  void aLongContextIsCutNotRefused() throws Exception {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    assertEquals(1000, postLog(sample(app).put("context", "c".repeat(30_000))).code());
    Map<String, Object> row = TestApps.rows(server, "select * from error_event where app_id = ?", app.appId()).get(0);
    assertEquals(20_000, ((String) row.get("MESSAGE")).length());
    assertEquals(512, ((String) row.get("ERROR_TYPE")).length());
  }

  @Test
  void badLogsAre4000AndNameTheField() {
    TestApps.Created app = TestApps.create(server.newDeveloper());
    for (String field : List.of("appId", "appKey", "appVersion", "deviceId", "appPackage", "context")) {
      JsonObject body = sample(app);
      body.remove(field);
      assertError(postLog(body), 400, 4000, field + " is required");
    }
    assertError(postLog(sample(app).put("context", new JsonArray())), 400, 4000, "context is required");
    assertError(postLog(sample(app).put("context", "  ")), 400, 4000, "context is required");
    assertError(postLog(sample(app).put("context", new JsonArray().add(new JsonObject()))), 400, 4000,
        "context must be a string or an array of strings");
    assertError(postLog(sample(app).put("deviceId", new JsonObject())), 400, 4000, "deviceId must be a string");
    assertError(server.anonymous().raw("POST", "/v1/logs", "{\"appId\":", "application/json"), 400, 4000, "malformed JSON");
  }

  @Test
  void logsNeedTheRightKeyAndALiveApp() throws Exception {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    TestApps.Created other = TestApps.create(dev);
    assertError(postLog(sample(app).put("appKey", other.appKey())), 401, 4001, "appKey");
    assertError(postLog(sample(app).put("appId", "no-such-app")), 404, 4004, "no app");
    TestApps.freeze(server, app.appId());
    assertError(postLog(sample(app)), 403, 4003, "frozen");
    assertEquals(0, TestApps.count(server, "select count(*) from error_event where app_id = ?", app.appId()));
  }

  @Test
  void theListShowsBothSourcesOfOnlyTheCallersApps() {
    Api alice = server.newDeveloper();
    Api bob = server.newDeveloper();
    TestApps.Created a1 = TestApps.create(alice);
    TestApps.Created a2 = TestApps.create(alice);
    TestApps.Created b1 = TestApps.create(bob);
    log(a1, "1.0", "pkg.a", "alice log");
    report(a2, "IOException", "disk full");
    report(a2, "Crash", "");
    log(b1, "1.0", "pkg.b", "bob log");

    JsonObject page = listOk(alice, "");
    assertEquals(3, page.getInteger("totalCount"));
    assertEquals(List.of("Crash", "IOException: disk full", "alice log"), contexts(page), "newest first; a report reads type: message");
    JsonObject reportEntry = page.getJsonArray("errlogList").getJsonObject(1);
    assertEquals("report", reportEntry.getString("source"));
    assertEquals("IOException", reportEntry.getString("errorType"));
    assertEquals("disk full", reportEntry.getString("message"));
    assertEquals("at x", reportEntry.getString("stack"));
    assertEquals("Linux", reportEntry.getString("osInfo"));
    assertEquals("2.0.0", reportEntry.getString("appVersion"));
    assertTrue(reportEntry.getString("deviceId").matches("[0-9a-f]{64}"), "a report's machine id is shown as its hash");

    assertEquals(List.of("bob log"), contexts(listOk(bob, "")));
    assertError(list(bob, "appId=" + a1.appId()), 404, 4004, "no app");
    assertError(bob.get("/v1/user/" + alice.openId + "/logs"), 403, 4003, "openId");
    assertError(server.anonymous().get("/v1/user/" + alice.openId + "/logs"), 401, 4001, "X-Auth-Token");
  }

  @Test
  void filtersByAppVersionAndPackage() {
    Api dev = server.newDeveloper();
    TestApps.Created one = TestApps.create(dev);
    TestApps.Created two = TestApps.create(dev);
    log(one, "1.0", "pkg.x", "one-1.0-x");
    log(one, "2.0", "pkg.x", "one-2.0-x");
    log(one, "2.0", "pkg.y", "one-2.0-y");
    log(two, "2.0", "pkg.x", "two-2.0-x");

    assertEquals(List.of("one-2.0-y", "one-2.0-x", "one-1.0-x"), contexts(listOk(dev, "appId=" + one.appId())));
    assertEquals(List.of("two-2.0-x", "one-2.0-y", "one-2.0-x"), contexts(listOk(dev, "appVersion=2.0")));
    assertEquals(List.of("two-2.0-x", "one-2.0-x", "one-1.0-x"), contexts(listOk(dev, "appPackage=pkg.x")));
    JsonObject all = listOk(dev, "APPID=" + one.appId() + "&appversion=2.0&AppPackage=pkg.x");
    assertEquals(List.of("one-2.0-x"), contexts(all), "filters combine; names are case-insensitive");
    assertEquals(1, all.getInteger("totalCount"));
  }

  @Test
  void filtersByEpochSecondsInclusiveAcceptingTheSeedsMisspelling() throws Exception {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    createdAt(report(app, "T", "at-1000"), 1_000);
    createdAt(report(app, "T", "at-2000"), 2_000);
    createdAt(report(app, "T", "at-3000"), 3_000);

    assertEquals(List.of("T: at-3000", "T: at-2000"), contexts(listOk(dev, "after=2000")));
    assertEquals(List.of("T: at-2000", "T: at-1000"), contexts(listOk(dev, "before=2000")));
    assertEquals(List.of("T: at-2000", "T: at-1000"), contexts(listOk(dev, "bebofe=2000")));
    assertEquals(List.of("T: at-2000"), contexts(listOk(dev, "after=1001&before=2999")));
    assertEquals(List.of("T: at-3000", "T: at-2000", "T: at-1000"), contexts(listOk(dev, "after=10&before=99999999999")));
    assertEquals(0, listOk(dev, "after=3001").getInteger("totalCount"));
    assertError(list(dev, "after=yesterday"), 400, 4000, "after must be an integer");
    assertError(list(dev, "before=1700000000000"), 400, 4000, "not milliseconds");
    assertError(list(dev, "bebofe=-1"), 400, 4000, "bebofe must be a time in epoch seconds");
  }

  @Test
  void pagesAndOrders() {
    Api dev = server.newDeveloper();
    TestApps.Created app = TestApps.create(dev);
    for (int i = 1; i <= 5; i++) {
      log(app, "1.0", "p", "log-" + i);
    }
    JsonObject second = listOk(dev, "pageNo=2&pageSize=2");
    assertEquals(5, second.getInteger("totalCount"), "totalCount counts all matches, not the page");
    assertEquals(List.of("log-3", "log-2"), contexts(second));
    assertEquals(List.of("log-1"), contexts(listOk(dev, "pageno=3&PageSize=2")));
    assertEquals(List.of(), contexts(listOk(dev, "pageNo=4&pageSize=2")));
    assertEquals(List.of("log-1", "log-2"), contexts(listOk(dev, "orderBy=create_date:asc&pageSize=2")));
    assertEquals(List.of("log-5", "log-4"), contexts(listOk(dev, "orderBy=createDate:desc&pageSize=2")));
    assertEquals(5, contexts(listOk(dev, "pageSize=100")).size());

    assertError(list(dev, "pageSize=0"), 400, 4000, "pageSize");
    assertError(list(dev, "pageSize=101"), 400, 4000, "pageSize");
    assertError(list(dev, "pageNo=0"), 400, 4000, "pageNo");
    assertError(list(dev, "orderBy=appVersion:desc"), 400, 4000, "orderBy");
    assertError(list(dev, "orderBy=createDate:sideways"), 400, 4000, "orderBy");
  }
}
