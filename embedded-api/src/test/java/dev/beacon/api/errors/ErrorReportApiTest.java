package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorReportApiTest extends ServerTest {
  static final String PATH = "/api/v1/error/report";

  static Api developer;
  static TestApps.Created app;

  @BeforeAll
  static void up() throws Exception {
    developer = server.newDeveloper();
    app = TestApps.create(developer);
  }

  /** The seed's sample request. */
  static JsonObject sample(String appKey) {
    return new JsonObject()
        .put("app_key", appKey)
        .put("machine_id", "用户机器标识")
        .put("software_version", "1.0.0")
        .put("error_type", "NullReferenceException")
        .put("error_message", "错误信息")
        .put("error_stack", "堆栈跟踪")
        .put("os_info", "Windows 10 Pro");
  }

  static Map<String, Object> stored(long id) throws Exception {
    List<Map<String, Object>> rows = TestApps.rows(server, "select * from error_event where id = ?", id);
    assertEquals(1, rows.size(), "error " + id + " is stored");
    return rows.get(0);
  }

  static long recordedId(Resp r) {
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonObject("data").getLong("id");
  }

  static void assertFamilyAError(Resp r, int status, String messagePart) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(status, r.json().getInteger("code"), r::toString);
    assertTrue(r.json().getString("message").contains(messagePart), r::toString);
  }

  @Test
  void theSeedSampleIsStoredAndAnsweredWithItsId() throws Exception {
    Resp r = server.anonymous().post(PATH, sample(app.appKey()));
    assertEquals(200, r.status(), r::toString);
    JsonObject body = r.json();
    long id = body.getJsonObject("data").getLong("id");
    String issueId = body.getJsonObject("data").getString("issueId");
    assertTrue(issueId.matches("[0-9a-f]{32}"), body::encode);
    assertEquals(new JsonObject().put("code", 200).put("message", "错误上报成功")
        .put("data", new JsonObject().put("recorded", true).put("id", id).put("issueId", issueId)), body);

    Map<String, Object> row = stored(id);
    assertEquals(app.appId(), row.get("APP_ID"));
    assertEquals("report", row.get("SOURCE"));
    assertEquals("NullReferenceException", row.get("ERROR_TYPE"));
    assertEquals("错误信息", row.get("MESSAGE"));
    assertEquals("堆栈跟踪", row.get("STACK"));
    assertEquals("Windows 10 Pro", row.get("OS_INFO"));
    assertEquals("1.0.0", row.get("APP_VERSION"));
    assertEquals(issueId, row.get("ISSUE_ID"));
    String machine = (String) row.get("MACHINE_ID");
    assertNotEquals("用户机器标识", machine, "machine ids are stored hashed, as for heartbeats");
    assertTrue(machine.matches("[0-9a-f]{64}"), machine);
  }

  @Test
  void anEmptyStackAndMessageAreAccepted() throws Exception {
    // the seed's Python client sends "" as the stack; str(ValueError()) is "" too
    JsonObject body = sample(app.appKey()).put("error_stack", "").put("error_message", "").put("error_type", "ValueError");
    Map<String, Object> row = stored(recordedId(server.anonymous().post(PATH, body)));
    assertEquals("", row.get("STACK"));
    assertEquals("", row.get("MESSAGE"));
    JsonObject noOptionals = sample(app.appKey());
    noOptionals.remove("error_stack");
    noOptionals.remove("error_message");
    noOptionals.remove("os_info");
    Map<String, Object> bare = stored(recordedId(server.anonymous().post(PATH, noOptionals)));
    assertEquals(null, bare.get("STACK"));
    assertEquals("NullReferenceException", bare.get("ERROR_TYPE"));
  }

  @Test
  void oversizedTextsAreCutToTheColumnsNotRefused() throws Exception {
    String stack = "at Frame.method(File.java:1)\n".repeat(12_000); // 348,000 characters, under the 1 MiB body limit
    JsonObject body = sample(app.appKey())
        .put("error_stack", stack)
        .put("error_message", "m".repeat(25_000))
        .put("error_type", "T".repeat(600))
        .put("os_info", "o".repeat(600));
    Map<String, Object> row = stored(recordedId(server.anonymous().post(PATH, body)));
    assertEquals(stack.substring(0, 200_000), row.get("STACK"));
    assertEquals(20_000, ((String) row.get("MESSAGE")).length());
    assertEquals(512, ((String) row.get("ERROR_TYPE")).length());
    assertEquals(512, ((String) row.get("OS_INFO")).length());
  }

  @Test
  void aBodyOverTheErrorRoutesLimitIs413() {
    // these routes take 16 MiB (long stacks); everything else keeps the 1 MiB limit
    JsonObject body = sample(app.appKey()).put("error_stack", "x".repeat(17 * 1024 * 1024));
    assertFamilyAError(server.anonymous().post(PATH, body), 413, "larger than the limit of 16777216 bytes");
  }

  @Test
  void eachRequiredFieldIsNamed() {
    for (String field : List.of("app_key", "machine_id", "software_version", "error_type")) {
      JsonObject body = sample(app.appKey());
      body.remove(field);
      assertFamilyAError(server.anonymous().post(PATH, body), 400, field + " is required");
    }
  }

  @Test
  void wrongTypesAndMalformedJsonAre400() {
    assertFamilyAError(server.anonymous().post(PATH, sample(app.appKey()).put("error_stack", new JsonObject())),
        400, "error_stack must be a string");
    assertFamilyAError(server.anonymous().post(PATH, sample(app.appKey()).put("error_message", new JsonArray().add("x"))),
        400, "error_message must be a string");
    assertFamilyAError(server.anonymous().post(PATH, sample(app.appKey()).put("os_info", true)),
        400, "os_info must be a string");
    assertFamilyAError(server.anonymous().raw("POST", PATH, "{\"app_key\":\"x\",}", "application/json"), 400, "malformed JSON");
    assertFamilyAError(server.anonymous().raw("POST", PATH, "app_key=x", "application/x-www-form-urlencoded"),
        400, "application/json");
  }

  @Test
  void unknownKeyIs401AndFrozenAppIs403() throws Exception {
    assertFamilyAError(server.anonymous().post(PATH, sample("ffffffffffffffff")), 401, "unknown app_key");
    TestApps.Created frozen = TestApps.create(developer);
    TestApps.freeze(server, frozen.appId());
    assertFamilyAError(server.anonymous().post(PATH, sample(frozen.appKey())), 403, "frozen");
    assertEquals(0, TestApps.count(server, "select count(*) from error_event where app_id = ?", frozen.appId()));
  }
}
