package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The envelope, input handling and limits every route shares. */
class CoreApiTest {
  static TestServer server;
  static Api dev;

  @BeforeAll
  static void up() throws Exception {
    server = TestServer.start(c -> c.jsonBodyLimit(64 * 1024));
    dev = server.newDeveloper();
  }

  @AfterAll
  static void down() throws Exception {
    server.close();
  }

  private static String appPath() {
    return "/v1/user/" + dev.openId + "/app";
  }

  @Test
  void healthAnswersWithVersion() {
    Resp r = server.anonymous().get("/health");
    assertEquals(200, r.status());
    assertEquals("up", r.json().getString("status"));
    assertEquals(Version.get(), r.json().getString("version"));
  }

  @Test
  void malformedJsonIs4000NeverA500() {
    Resp r = dev.raw("POST", appPath(), "{\"name\": \"x\", ", "application/json");
    assertEquals(400, r.status(), r::toString);
    assertEquals(4000, r.code());
    assertTrue(r.msg().startsWith("malformed JSON"), r.msg());
  }

  @Test
  void aJsonArrayOrScalarIsNotAnObject() {
    assertEquals(4000, dev.raw("POST", appPath(), "[1,2]", "application/json").code());
    assertEquals(4000, dev.raw("POST", appPath(), "42", "application/json").code());
  }

  @Test
  void formEncodedBodyNamesTheContentType() {
    Resp r = dev.raw("POST", appPath(), "name=x&platform=1", "application/x-www-form-urlencoded");
    assertEquals(4000, r.code());
    assertTrue(r.msg().contains("application/json"), r.msg());
  }

  @Test
  void overSizeBodyIs4000WithTheLimit() {
    String big = new JsonObject().put("name", "a".repeat(70 * 1024)).put("platform", 1).encode();
    Resp r = dev.raw("POST", appPath(), big, "application/json");
    assertEquals(400, r.status(), r::toString);
    assertEquals(4000, r.code());
    assertTrue(r.msg().contains("65536"), r.msg());
  }

  @Test
  void overSizeBodyOnFamilyAIs413() {
    String big = new JsonObject().put("app_key", "k").put("machine_id", "a".repeat(70 * 1024)).encode();
    Resp r = server.anonymous().raw("POST", "/api/v1/user/heartbeat", big, "application/json");
    assertEquals(413, r.status(), r::toString);
    assertEquals(413, r.code());
    assertTrue(r.json().containsKey("message"));
  }

  @Test
  void missingFieldAndWrongTypeAreNamed() {
    Resp missing = dev.post(appPath(), new JsonObject().put("platform", 1));
    assertEquals(4000, missing.code());
    assertEquals("name is required", missing.msg());
    Resp wrongType = dev.post(appPath(), new JsonObject().put("name", "x").put("platform", "android"));
    assertEquals(4000, wrongType.code());
    assertEquals("platform must be an integer", wrongType.msg());
    Resp fraction = dev.post(appPath(), new JsonObject().put("name", "x").put("platform", 1.5));
    assertEquals(4000, fraction.code());
    Resp huge = dev.raw("POST", appPath(), "{\"name\":\"x\",\"platform\":1e300}", "application/json");
    assertEquals(4000, huge.code(), huge::toString);
  }

  @Test
  void keysAreTrimmed() {
    Resp r = dev.raw("POST", appPath(), "{\"name \": \"trimmed\", \" platform\": 2}", "application/json");
    assertEquals(1000, r.code(), r::toString);
    assertEquals("trimmed", r.json().getJsonObject("app").getString("name"));
    assertEquals(2, r.json().getJsonObject("app").getInteger("platform"));
  }

  @Test
  void unknownPathsAnswerTheEnvelope() {
    Resp b = server.anonymous().get("/v1/no/such/thing");
    assertEquals(404, b.status());
    assertEquals(4004, b.code());
    assertTrue(b.msg().contains("/v1/no/such/thing"));
    Resp a = server.anonymous().get("/api/v1/nothing");
    assertEquals(404, a.status());
    assertEquals(404, a.code());
    assertTrue(a.json().containsKey("message"));
  }

  @Test
  void unknownFieldsAreIgnored() {
    Resp r = dev.post(appPath(), new JsonObject().put("name", "extra").put("platform", 1).put("color", "blue"));
    assertEquals(1000, r.code());
  }

  @Test
  void datesGoOutInTheContractFormat() {
    Resp r = dev.post(appPath(), new JsonObject().put("name", "dated").put("platform", 3));
    String created = r.json().getJsonObject("app").getString("createDate");
    assertTrue(created.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), created);
  }
}
