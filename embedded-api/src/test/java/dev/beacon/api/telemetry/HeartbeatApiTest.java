package dev.beacon.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Dates;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeartbeatApiTest extends ServerTest {
  static final String PATH = "/api/v1/user/heartbeat";

  static Api developer;
  static TestApps.Created app;

  @BeforeAll
  static void up() throws Exception {
    developer = server.newDeveloper();
    app = TestApps.create(developer);
  }

  static JsonObject beat(String appKey, String machineId, String version) {
    return new JsonObject().put("app_key", appKey).put("machine_id", machineId).put("version", version);
  }

  static List<Map<String, Object>> heartbeats(String appId) throws Exception {
    return TestApps.machineDays(server, appId);
  }

  static String hmacHex(String key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  static void assertFamilyAError(Resp r, int status, String messagePart) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(status, r.json().getInteger("code"), r::toString);
    assertTrue(r.json().getString("message").contains(messagePart), r::toString);
  }

  @Test
  void answersExactlyAsTheSeedAndTheRowIsThereWhenItDoes() throws Exception {
    TestApps.Created a = TestApps.create(developer);
    Instant before = Instant.now().minusSeconds(1);
    Resp r = server.anonymous().post(PATH, beat(a.appKey(), "machine-1", "1.0.0"));
    assertEquals(200, r.status(), r::toString);
    assertEquals(new JsonObject("{\"code\":200,\"message\":\"心跳记录成功\",\"data\":{\"recorded\":true}}"), r.json());
    assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));

    assertEquals(1, TestApps.durable(server, a.appId()), "the heartbeat is committed before the answer");
    List<Map<String, Object>> rows = heartbeats(a.appId());
    assertEquals(1, rows.size(), "and folded into one machine-day");
    Map<String, Object> row = rows.get(0);
    assertEquals("1.0.0", row.get("APP_VERSION"));
    Instant received = ((OffsetDateTime) row.get("RECEIVED_AT")).toInstant();
    assertTrue(!received.isBefore(before) && !received.isAfter(Instant.now().plusSeconds(1)), received::toString);
    assertEquals(LocalDate.ofInstant(received, Dates.zone()), ((Date) row.get("HB_DAY")).toLocalDate(),
        "hb_day is the day of received_at in the server's zone");
  }

  @Test
  void machineIdsAreStoredOnlyAsPerAppHashes() throws Exception {
    TestApps.Created one = TestApps.create(developer);
    TestApps.Created two = TestApps.create(developer);
    String machine = "AA-BB-CC-raw-machine-id-42";
    assertEquals(200, server.anonymous().post(PATH, beat(one.appKey(), machine, "1.0.0")).status());
    assertEquals(200, server.anonymous().post(PATH, beat(one.appKey(), machine, "1.0.1")).status());
    assertEquals(200, server.anonymous().post(PATH, beat(two.appKey(), machine, "1.0.0")).status());
    assertEquals(200, server.anonymous().post(PATH, beat(one.appKey(), "another-machine", "1.0.0")).status());

    assertFalse(logContains(machine), "the raw machine id must not be in the heartbeat log");
    TestApps.fold(server, one.appId());
    assertTrue(TestApps.machines(server, one.appId()).keySet().stream().noneMatch(h -> h.contains("raw-machine")),
        "nor among the machines");
    for (var row : TestApps.rows(server, "select machines from tel_machine_block")) {
      assertFalse(new String((byte[]) row.get("MACHINES"), java.nio.charset.StandardCharsets.ISO_8859_1).contains(machine),
          "nor in the saved blocks of machines");
    }
    for (var row : TestApps.rows(server, "select machines from tel_open_day")) {
      assertFalse(new String((byte[]) row.get("MACHINES"), java.nio.charset.StandardCharsets.ISO_8859_1).contains(machine),
          "nor in the snapshot of the open days");
    }
    List<Map<String, Object>> ofOne = heartbeats(one.appId());
    List<Map<String, Object>> ofTwo = heartbeats(two.appId());
    assertEquals(2, ofOne.size(), "same machine, same app, same day: one machine-day");
    String hashOne = (String) ofOne.get(0).get("MACHINE_HASH");
    assertTrue(hashOne.matches("[0-9a-f]{64}"), hashOne);
    assertEquals("1.0.1", ofOne.get(0).get("APP_VERSION"), "the machine-day keeps the version of its last heartbeat");
    assertNotEquals(hashOne, ofOne.get(1).get("MACHINE_HASH"), "another machine hashes differently");
    assertNotEquals(hashOne, ofTwo.get(0).get("MACHINE_HASH"), "the same machine hashes differently in another app");
    assertEquals(hmacHex(TestApps.secret(server, one.appId()), machine), hashOne, "HMAC-SHA256 under the app's secret");
  }

  @Test
  void malformedJsonIs400() {
    assertFamilyAError(server.anonymous().raw("POST", PATH, "{\"app_key\": ", "application/json"), 400, "malformed JSON");
    assertFamilyAError(server.anonymous().raw("POST", PATH, "[1,2]", "application/json"), 400, "JSON object");
  }

  @Test
  void eachMissingFieldIsNamed() {
    for (String field : List.of("app_key", "machine_id", "version")) {
      JsonObject body = beat(app.appKey(), "m", "1.0.0");
      body.remove(field);
      assertFamilyAError(server.anonymous().post(PATH, body), 400, field + " is required");
    }
    assertFamilyAError(server.anonymous().post(PATH, beat(app.appKey(), "   ", "1.0.0")), 400, "machine_id is required");
    assertFamilyAError(server.anonymous().post(PATH, null), 400, "app_key is required");
  }

  @Test
  void wrongTypesAndOverlongFieldsAre400() throws Exception {
    JsonObject objectId = beat(app.appKey(), "m", "1.0.0").put("machine_id", new JsonObject().put("a", 1));
    assertFamilyAError(server.anonymous().post(PATH, objectId), 400, "machine_id must be a string");
    JsonObject arrayVersion = beat(app.appKey(), "m", "1.0.0").put("version", new io.vertx.core.json.JsonArray().add("1"));
    assertFamilyAError(server.anonymous().post(PATH, arrayVersion), 400, "version must be a string");
    assertFamilyAError(server.anonymous().post(PATH, beat(app.appKey(), "m".repeat(256), "1.0.0")), 400, "machine_id is longer than 255");
    assertFamilyAError(server.anonymous().post(PATH, beat(app.appKey(), "m", "1".repeat(129))), 400, "version is longer than 128");
    long before = TestApps.machines(server, app.appId()).size();
    assertEquals(200, server.anonymous().post(PATH, beat(app.appKey(), "m".repeat(255), "1".repeat(128))).status(),
        "the longest allowed values are taken");
    assertEquals(before + 1, TestApps.machines(server, app.appId()).size());
  }

  @Test
  void unknownAppKeyIs401() {
    assertFamilyAError(server.anonymous().post(PATH, beat("0000000000000000", "m", "1.0.0")), 401, "unknown app_key");
  }

  @Test
  void keysAreTrimmed() throws Exception {
    TestApps.Created a = TestApps.create(developer);
    JsonObject body = new JsonObject().put(" app_key ", a.appKey()).put("machine_id ", "m").put(" version", "2.0.0");
    assertEquals(200, server.anonymous().post(PATH, body).status());
    assertEquals("2.0.0", heartbeats(a.appId()).get(0).get("APP_VERSION"));
  }

  @Test
  void frozenAppIs403AndNothingIsStored() throws Exception {
    TestApps.Created a = TestApps.create(developer);
    TestApps.freeze(server, a.appId());
    assertFamilyAError(server.anonymous().post(PATH, beat(a.appKey(), "m", "1.0.0")), 403, "frozen");
    assertEquals(0, heartbeats(a.appId()).size());
  }

  /** The ingest keeps apps by key in memory: freezing, editing and deleting an app still apply at once. */
  @Test
  void changesOfAnAppApplyToTheNextHeartbeat() throws Exception {
    TestApps.Created a = TestApps.create(developer);
    assertEquals(200, server.anonymous().post(PATH, beat(a.appKey(), "m", "1.0.0")).status(), "now the app is cached");
    TestApps.freeze(server, a.appId());
    assertFamilyAError(server.anonymous().post(PATH, beat(a.appKey(), "m", "1.0.1")), 403, "frozen");
    Resp unfrozen = server.admin().post("/v1/admin/app/" + a.appId() + "/action", new JsonObject().putNull("unfreeze"));
    assertEquals(1000, unfrozen.code(), unfrozen::toString);
    assertEquals(200, server.anonymous().post(PATH, beat(a.appKey(), "m", "1.0.2")).status());

    // a new zone applies from the next heartbeat on: its day is the app's new today
    // UTC+14 or UTC-11: at any moment one of them is on another date than the server's zone
    String zone = java.util.stream.Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago")
        .filter(z -> !LocalDate.now(java.time.ZoneId.of(z)).equals(LocalDate.now(Dates.zone()))).findFirst().orElseThrow();
    Resp edited = developer.put("/v1/user/" + developer.openId + "/app/" + a.appId(), new JsonObject().put("timeZone", zone));
    assertEquals(1000, edited.code(), edited::toString);
    assertEquals(200, server.anonymous().post(PATH, beat(a.appKey(), "m", "1.0.3")).status());
    LocalDate today = LocalDate.now(java.time.ZoneId.of(zone));
    assertTrue(heartbeats(a.appId()).stream().anyMatch(r -> "1.0.3".equals(r.get("APP_VERSION"))
        && ((Date) r.get("HB_DAY")).toLocalDate().equals(today)), "the heartbeat after the edit is on the new zone's today");

    assertEquals(1000, developer.delete("/v1/user/" + developer.openId + "/app/" + a.appId()).code());
    assertFamilyAError(server.anonymous().post(PATH, beat(a.appKey(), "m", "1.0.4")), 401, "unknown app_key");
  }

  /** Whether the bytes of the heartbeat log's files (its entries in the database on PostgreSQL) contain {@code text}. */
  private boolean logContains(String text) throws Exception {
    if (dev.beacon.api.support.TestDatabase.postgres()) {
      return TestApps.rows(server, "select entry from tel_log_entry").stream()
          .anyMatch(r -> new String((byte[]) r.get("ENTRY"), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text));
    }
    try (var files = java.nio.file.Files.list(server.dataDir().resolve(TelemetryFeature.LOG_FOLDER))) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        if (new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }
}
