package dev.beacon.api.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.Dates;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A developer's apps: create, edit, delete, detail and the filtered, paged list. */
class AppsApiTest extends ServerTest {

  static String apps(Api dev) {
    return "/v1/user/" + dev.openId + "/app";
  }

  static JsonObject create(Api dev, String name, int platform) {
    Resp r = dev.post(apps(dev), new JsonObject().put("name", name).put("platform", platform).put("desc", "about " + name));
    assertEquals(1000, r.code(), r::toString);
    return r.json().getJsonObject("app");
  }

  private static void assertBad(Resp r, String field) {
    assertEquals(400, r.status(), r::toString);
    assertEquals(4000, r.code(), r::toString);
    assertTrue(r.msg().contains(field), () -> "the message should name " + field + ": " + r.msg());
  }

  private static List<String> names(Resp list) {
    return list.json().getJsonArray("apps").stream().map(o -> ((JsonObject) o).getString("name")).collect(Collectors.toList());
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void createAnswersTheAppAsTheSeedShowsIt() {
    Api dev = server.newDeveloper();
    Resp r = dev.post(apps(dev), new JsonObject().put("name ", "  Calendar ").put("platform", 1).put("icon", "http://x/icon.png"));
    assertEquals(200, r.status(), r::toString);
    JsonObject app = r.json().getJsonObject("app");
    assertEquals(32, app.getString("appId").length());
    assertEquals(16, app.getString("appKey").length());
    assertEquals("Calendar", app.getString("name"), "the name is trimmed");
    assertEquals(1, app.getInteger("platform"));
    assertEquals("http://x/icon.png", app.getString("icon"));
    assertEquals(0, app.getInteger("status"));
    assertTrue(app.getString("createDate").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), app.getString("createDate"));
  }

  @Test
  void createValidatesItsFields() {
    Api dev = server.newDeveloper();
    assertBad(dev.post(apps(dev), new JsonObject().put("platform", 1)), "name");
    assertBad(dev.post(apps(dev), new JsonObject().put("name", "A")), "platform");
    assertBad(dev.post(apps(dev), new JsonObject().put("name", "A").put("platform", 4)), "platform");
    assertBad(dev.post(apps(dev), new JsonObject().put("name", "A").put("platform", "one")), "platform");
    assertBad(dev.post(apps(dev), new JsonObject().put("name", new JsonArray()).put("platform", 1)), "name");
    Resp malformed = dev.raw("POST", apps(dev), "{\"name\": \"A\",", "application/json");
    assertEquals(4000, malformed.code(), malformed::toString);
    assertTrue(malformed.msg().contains("JSON"), malformed.msg());
  }

  @Test
  void detailIsTheCallersOwnApp() {
    Api dev = server.newDeveloper();
    JsonObject app = create(dev, "Detail", 2);
    Resp r = dev.get(apps(dev) + "/" + app.getString("appId"));
    assertEquals(1000, r.code(), r::toString);
    JsonObject got = r.json().getJsonObject("app");
    assertEquals(app.getString("appKey"), got.getString("appKey"));
    assertEquals("Detail", got.getString("name"));
    assertEquals("about Detail", got.getString("desc"));
    assertEquals(2, got.getInteger("platform"));
    assertNotNull(got.getString("updateDate"));

    Resp unknown = dev.get(apps(dev) + "/no-such-app");
    assertEquals(404, unknown.status());
    assertEquals(4004, unknown.code());

    Api other = server.newDeveloper();
    Resp foreign = other.get(apps(other) + "/" + app.getString("appId"));
    assertEquals(4004, foreign.code(), "another developer's app id is not disclosed");
    Resp foreignPath = other.get(apps(dev) + "/" + app.getString("appId"));
    assertEquals(4003, foreignPath.code(), "another developer's openId in the path");
  }

  @Test
  void editChangesNameDescAndIconButNotPlatform() {
    Api dev = server.newDeveloper();
    JsonObject app = create(dev, "Before", 1);
    String path = apps(dev) + "/" + app.getString("appId");

    Resp ok = dev.put(path, new JsonObject().put("name", "After").put("desc", "new desc").put("icon", "http://i/2.png").put("platform", 1));
    assertEquals(1000, ok.code(), ok::toString);
    JsonObject got = dev.get(path).json().getJsonObject("app");
    assertEquals("After", got.getString("name"));
    assertEquals("new desc", got.getString("desc"));
    assertEquals("http://i/2.png", got.getString("icon"));

    Resp onlyDesc = dev.put(path, new JsonObject().put("desc", "only desc"));
    assertEquals(1000, onlyDesc.code(), onlyDesc::toString);
    assertEquals("After", dev.get(path).json().getJsonObject("app").getString("name"), "fields not sent stay");

    assertBad(dev.put(path, new JsonObject().put("platform", 2)), "platform");
    assertBad(dev.put(path, new JsonObject().put("name", "  ")), "name");
    assertBad(dev.put(path, new JsonObject().put("icon", "")), "icon");
    assertBad(dev.put(path, new JsonObject().put("desc", "")), "desc");
    assertBad(dev.put(path, new JsonObject().put("name", true)), "name");
    assertEquals(4000, dev.raw("PUT", path, "not json", "text/plain").code());
    assertEquals(1, dev.get(path).json().getJsonObject("app").getInteger("platform"));

    assertEquals(4004, dev.put(apps(dev) + "/missing", new JsonObject().put("name", "x")).code());
    Api other = server.newDeveloper();
    Resp foreign = other.put(apps(other) + "/" + app.getString("appId"), new JsonObject().put("name", "stolen"));
    assertEquals(4004, foreign.code(), foreign::toString);
    assertEquals("After", dev.get(path).json().getJsonObject("app").getString("name"));
  }

  @Test
  void deleteRemovesTheApp() {
    Api dev = server.newDeveloper();
    JsonObject app = create(dev, "Doomed", 3);
    String path = apps(dev) + "/" + app.getString("appId");

    Api other = server.newDeveloper();
    assertEquals(4004, other.delete(apps(other) + "/" + app.getString("appId")).code(), "not someone else's");
    assertEquals(1000, dev.get(path).code());

    Resp r = dev.delete(path);
    assertEquals(1000, r.code(), r::toString);
    assertEquals(4004, dev.get(path).code());
    assertEquals(4004, dev.delete(path).code(), "a second delete finds nothing");
    assertEquals(0, dev.get(apps(dev)).json().getLong("totalCount"));
  }

  @Test
  void listPagesAndOrders() {
    Api dev = server.newDeveloper();
    for (String n : List.of("delta", "Alpha", "charlie", "bravo", "echo")) {
      create(dev, n, 1);
    }
    Resp all = dev.get(apps(dev));
    assertEquals(1000, all.code(), all::toString);
    assertEquals(5, all.json().getLong("totalCount"));
    assertEquals(List.of("echo", "bravo", "charlie", "Alpha", "delta"), names(all), "default: newest first");
    JsonObject first = all.json().getJsonArray("apps").getJsonObject(0);
    assertEquals(0, first.getInteger("status"));
    assertNotNull(first.getString("appKey"));

    Resp page2 = dev.get(apps(dev) + "?pageno=2&PageSize=2&orderBy=create_date:asc");
    assertEquals(5, page2.json().getLong("totalCount"), "totalCount counts before paging");
    assertEquals(List.of("charlie", "bravo"), names(page2));

    Resp byName = dev.get(apps(dev) + "?orderBy=name:desc&pageSize=1");
    assertEquals(List.of("echo"), names(byName));

    Resp beyond = dev.get(apps(dev) + "?pageNo=9");
    assertEquals(1000, beyond.code());
    assertEquals(List.of(), names(beyond));

    Api other = server.newDeveloper();
    assertEquals(0, other.get(apps(other)).json().getLong("totalCount"), "only the caller's apps");
  }

  @Test
  void listRejectsBadPagingAndOrder() {
    Api dev = server.newDeveloper();
    assertBad(dev.get(apps(dev) + "?pageSize=0"), "pageSize");
    assertBad(dev.get(apps(dev) + "?pageSize=101"), "pageSize");
    assertBad(dev.get(apps(dev) + "?pageNo=0"), "pageNo");
    assertBad(dev.get(apps(dev) + "?pageNo=x"), "pageNo");
    assertBad(dev.get(apps(dev) + "?orderBy=code:desc"), "orderBy");
    assertBad(dev.get(apps(dev) + "?orderBy=name:sideways"), "orderBy");
    assertEquals(1000, dev.get(apps(dev) + "?pageSize=100").code());
  }

  @Test
  void listFiltersByNamePlatformAndDates() {
    Api dev = server.newDeveloper();
    create(dev, "Pay Center", 1);
    create(dev, "paypal bridge", 2);
    create(dev, "Calendar", 3);
    create(dev, "100% sure", 1);

    assertEquals(List.of("paypal bridge", "Pay Center"), names(dev.get(apps(dev) + "?name=PAY")));
    assertEquals(List.of("100% sure"), names(dev.get(apps(dev) + "?name=" + q("0%"))), "% is a literal");
    assertEquals(List.of("100% sure", "Pay Center"), names(dev.get(apps(dev) + "?platform=1")));
    assertEquals(List.of("Pay Center"), names(dev.get(apps(dev) + "?platform=1&name=pay")));
    assertBad(dev.get(apps(dev) + "?platform=9"), "platform");

    String today = LocalDate.now(Dates.zone()).toString();
    String yesterday = LocalDate.now(Dates.zone()).minusDays(1).toString();
    Resp todayOnly = dev.get(apps(dev) + "?startCreateDate=" + today + "&endCreateDate=" + today);
    assertEquals(4, todayOnly.json().getLong("totalCount"), todayOnly::toString);
    Resp withTimes = dev.get(apps(dev) + "?startCreateDate=" + q(yesterday + " 00:00:00") + "&endCreateDate=" + q(today + " 23:59:59"));
    assertEquals(4, withTimes.json().getLong("totalCount"), withTimes::toString);
    Resp past = dev.get(apps(dev) + "?startCreateDate=2016-03-16&endCreateDate=" + q("2016-03-18 16:22:53"));
    assertEquals(0, past.json().getLong("totalCount"), past::toString);

    assertBad(dev.get(apps(dev) + "?startCreateDate=" + today), "endCreateDate");
    assertBad(dev.get(apps(dev) + "?endCreateDate=" + today), "startCreateDate");
    assertBad(dev.get(apps(dev) + "?startCreateDate=yesterday&endCreateDate=" + today), "startCreateDate");
    assertBad(dev.get(apps(dev) + "?startCreateDate=" + today + "&endCreateDate=" + yesterday), "startCreateDate");
  }

  @Test
  void appsSurviveARestart() throws Exception {
    try (TestServer own = TestServer.start()) {
      Api dev = own.newDeveloper();
      JsonObject app = create(dev, "Durable", 2);
      own.restart();
      Api owner = new Api(own.base(), dev.openId, dev.token);
      Resp detail = owner.get(apps(owner) + "/" + app.getString("appId"));
      assertEquals(1000, detail.code(), detail::toString);
      assertEquals(app.getString("appKey"), detail.json().getJsonObject("app").getString("appKey"));
      Resp list = own.admin().get("/v1/admin/app?name=durable");
      assertEquals(1, list.json().getLong("totalCount"), list::toString);
      JsonObject got = list.json().getJsonArray("app").getJsonObject(0);
      assertEquals(app.getString("appId"), got.getString("appId"));
      assertEquals(dev.openId, got.getString("openId"));
      assertFalse(got.containsKey("appKey"), "the admin list does not show app keys");
      assertNull(got.getString("icon"));
    }
  }
}
