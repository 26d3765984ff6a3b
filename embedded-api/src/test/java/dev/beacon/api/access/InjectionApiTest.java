package dev.beacon.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SQL metacharacters in every query parameter of every list route of {@code openapi.yaml}: each
 * answer is a 4xx or a correct result (filters match the text literally, so nothing here matches),
 * never a 5xx, never more rows than the list has without the parameter, never another developer's
 * data; and the tables are all still there afterwards.
 */
class InjectionApiTest extends ServerTest {
  static final List<String> VALUES = List.of("' OR 1=1 --", "' OR '1'='1", "\"; DROP TABLE app; --", "%", "_", "\\",
      "name:asc; DROP TABLE app", "1) OR (1=1", "*", "%' OR 'a'='a", "create_date:desc,(select 1)");
  /** Parameters that are not filters: paging is fuzzed elsewhere, the viewer's openId only widens with headers. */
  static final Set<String> NOT_FILTERS = Set.of("pageNo", "pageSize", "openId", "orderBy", "orderAttr", "orderType", "cascade");

  static Routes routes;
  static Api a;
  static Api b;
  static TestApps.Created appA;
  static TestApps.Created appB;
  static String issueA;

  @BeforeAll
  static void up() {
    routes = Routes.load();
    a = server.newDeveloper();
    b = server.newDeveloper();
    appA = TestApps.create(a);
    TestApps.create(a);
    appB = TestApps.create(b);
    for (TestApps.Created app : List.of(appA, appB)) {
      Resp r = server.anonymous().post("/api/v1/error/report", new JsonObject().put("app_key", app.appKey()).put("machine_id", "m")
          .put("software_version", "1.0.0").put("error_type", "E").put("error_message", "boom"));
      assertEquals(200, r.status(), r::toString);
      if (app == appA) {
        issueA = r.json().getJsonObject("data").getString("issueId");
      }
      server.anonymous().post("/v1/logs", new JsonObject().put("appId", app.appId()).put("appKey", app.appKey())
          .put("appVersion", "1.0.0").put("deviceId", "d").put("appPackage", "com.acme").put("context", "boom"));
    }
  }

  static Api caller(Routes.Op op) {
    return op.admin() ? server.admin() : op.open() ? server.anonymous() : a;
  }

  static String path(Routes.Op op, Api who) {
    return op.template()
        .replace("{openId}", who.openId == null ? a.openId : who.openId)
        .replace("{appId}", appA.appId())
        .replace("{issueId}", issueA)
        .replaceAll("\\{[A-Za-z]+\\}", "1");
  }

  @Test
  void metacharactersInEveryFilterAreLiteralOrRefused() {
    List<Routes.Op> lists = routes.ops().stream().filter(op -> op.method().equals("GET") && !op.query().isEmpty()).toList();
    assertTrue(lists.size() >= 10, "list routes: " + lists);
    List<String> wrong = new ArrayList<>();
    int sent = 0;
    for (Routes.Op op : lists) {
      Api who = caller(op);
      String base = path(op, who);
      Resp baseline = who.get(base);
      Integer all = total(baseline);
      for (String param : op.query()) {
        for (String value : VALUES) {
          String url = base + "?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
          Resp r = who.get(url);
          sent++;
          String problem = judge(op, param, r, all);
          if (problem != null) {
            wrong.add(url + " -> " + problem + ": " + r);
          }
        }
      }
    }
    System.out.printf("injection: %d requests over %d list routes%n", sent, lists.size());
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers:\n" + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
    // the tables are still there and still hold the same rows
    assertEquals(2, total(a.get("/v1/user/" + a.openId + "/app")), "A's apps");
    assertEquals(1, total(b.get("/v1/user/" + b.openId + "/app")), "B's apps");
  }

  /** What is wrong with the answer, or null. */
  static String judge(Routes.Op op, String param, Resp r, Integer all) {
    if (r.status() >= 500) {
      return "a 5xx";
    }
    if (!r.raw().startsWith("{")) {
      return r.status() < 300 && op.template().endsWith("/html") ? null : "no envelope";
    }
    if (r.status() >= 400) {
      return r.status() < 500 ? null : "not a 4xx";
    }
    if (param.equals("orderBy")) {
      return "orderBy takes only the list's columns";
    }
    if (!op.admin() && (r.raw().contains(appB.appId()) || r.raw().contains(b.openId))) {
      return "another developer's data";
    }
    Integer n = total(r);
    if (n != null && all != null && n > all) {
      return "more rows (" + n + ") than the unfiltered list (" + all + ")";
    }
    if (n != null && n > 0 && !NOT_FILTERS.contains(param)) {
      return "a filter matched " + n + " rows: metacharacters must match literally";
    }
    return null;
  }

  static Integer total(Resp r) {
    if (r.status() != 200 || !r.raw().startsWith("{")) {
      return null;
    }
    JsonObject j = r.json();
    return j.containsKey("totalCount") ? j.getInteger("totalCount") : null;
  }
}
