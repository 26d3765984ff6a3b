package dev.beacon.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.core.DeclaredRoute;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way in that must stay shut, walked over every guarded route of {@code openapi.yaml}: no
 * credentials, a malformed, an expired and a logged-out token, one developer's token with another's
 * openId, a developer on the admin routes; and on the client routes a wrong app key and a frozen
 * app's key; on the Sentry routes a missing, unknown, foreign and frozen DSN key. Path traversal and SQL metacharacters are in {@link TraversalApiTest} and
 * {@link InjectionApiTest}.
 */
class AccessApiTest extends ServerTest {
  /** Admin-only routes outside {@code /v1/admin/}: poster writes and the admin's uploads. */
  static final Set<String> ADMIN_ELSEWHERE = Set.of("POST /v1/poster", "PUT /v1/poster", "PUT /v1/poster/{posterid}",
      "DELETE /v1/poster/{posterid}", "POST /v1/uploadfile", "DELETE /v1/uploadfile/{filename}", "POST /v1/auth/register");

  static Routes routes;
  static Api a;
  static Api b;
  static TestApps.Created appA;

  @BeforeAll
  static void up() {
    routes = Routes.load();
    a = server.newDeveloper();
    b = server.newDeveloper();
    appA = TestApps.create(a);
  }

  /** A path for the template: the caller's openId, A's app, a well-formed id for the rest. */
  static String path(Routes.Op op, String openId) {
    return op.template()
        .replace("{openId}", openId)
        .replace("{appId}", appA.appId())
        .replace("{filename}", "0".repeat(32) + ".txt")
        .replaceAll("\\{[A-Za-z]+\\}", "1");
  }

  static Resp call(Api who, Routes.Op op, String openId) {
    boolean body = op.method().equals("POST") || op.method().equals("PUT");
    return who.raw(op.method(), path(op, openId), body ? "{}" : null, body ? "application/json" : null);
  }

  /** Calls every op and collects the answers that are not {@code status}/{@code code}. */
  static void assertEvery(List<Routes.Op> ops, Function<Routes.Op, Resp> call, int status, int code) {
    assertTrue(ops.size() > 0, "no routes to check");
    List<String> wrong = new ArrayList<>();
    for (Routes.Op op : ops) {
      Resp r = call.apply(op);
      if (r.status() != status || !r.raw().startsWith("{") || r.code() != code) {
        wrong.add(op + " -> " + r);
      }
    }
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + ops.size() + " routes answered otherwise than " + status + "/" + code
        + ":\n" + String.join("\n", wrong));
  }

  /** Registers a developer with a known account and password (the admin's door). */
  static String register() {
    String email = "acc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Resp r = server.admin().post("/v1/auth/register",
        new JsonObject().put("type", "email").put("account", email).put("password", TestServer.DEVELOPER_PASSWORD));
    assertEquals(200, r.status(), r::toString);
    return email;
  }

  @Test
  void everyGuardedRouteRefusesARequestWithoutCredentials() {
    assertEvery(routes.guarded(), op -> call(server.anonymous(), op, a.openId), 401, 4001);
  }

  @Test
  void everyGuardedRouteRefusesMalformedTokens() {
    assertEvery(routes.guarded(), op -> call(a.as(a.openId, "not-a-token"), op, a.openId), 401, 4001);
    assertEvery(routes.guarded(), op -> call(a.as(a.openId, "f".repeat(64)), op, a.openId), 401, 4001);
    assertEvery(routes.guarded(), op -> call(a.as(a.openId, "x".repeat(5000)), op, a.openId), 401, 4001);
    assertEvery(routes.guarded(), op -> call(a.as(a.openId, a.token + "' OR '1'='1"), op, a.openId), 401, 4001);
  }

  @Test
  void everyGuardedRouteRefusesAnExpiredToken() throws Exception {
    Api e = server.login(register(), TestServer.DEVELOPER_PASSWORD);
    assertEquals(200, e.get("/v1/user/" + e.openId + "/app").status(), "the token works before it expires");
    assertEquals(1, TestApps.update(server, "update auth_token set expires_at = ? where open_id = ?",
        OffsetDateTime.now().minusMinutes(1), e.openId));
    // ending a token that has already ended is allowed (logout is idempotent); nothing else is
    List<Routes.Op> ops = routes.guarded().stream().filter(op -> !op.template().equals("/v1/auth/logout")).toList();
    assertEvery(ops, op -> call(e, op, e.openId), 401, 4001);
  }

  @Test
  void everyGuardedRouteRefusesALoggedOutToken() {
    String account = register();
    Api out = server.login(account, TestServer.DEVELOPER_PASSWORD);
    Api still = server.login(account, TestServer.DEVELOPER_PASSWORD);
    assertEquals(200, out.post("/v1/auth/logout", new JsonObject()).status());
    assertEvery(routes.guarded(), op -> call(out, op, out.openId), 401, 4001);
    assertEquals(200, still.get("/v1/user/" + still.openId + "/app").status(), "the account's other token still works");
  }

  @Test
  void aDevelopersTokenDoesNotReachAnotherDevelopersRoutes() {
    List<Routes.Op> theirs = routes.guarded().stream().filter(op -> op.has("openId") && !op.admin()).toList();
    // B's openId in the path with A's own credentials: forbidden
    assertEvery(theirs, op -> call(a, op, b.openId), 403, 4003);
    // A's token presented as B: the token is not B's
    assertEvery(routes.guarded(), op -> call(a.as(b.openId, a.token), op, b.openId), 401, 4001);
  }

  @Test
  void aDeveloperIsRefusedEveryAdminRoute() {
    List<Routes.Op> admin = new ArrayList<>(routes.guarded().stream().filter(Routes.Op::admin).toList());
    ADMIN_ELSEWHERE.forEach(r -> admin.add(routes.find(r.substring(0, r.indexOf(' ')), r.substring(r.indexOf(' ') + 1))));
    assertTrue(admin.size() > 30, "every admin route: " + admin.size());
    assertEvery(admin, op -> call(a, op, a.openId), 403, 4003);
    assertEquals(200, server.admin().get("/v1/admin/app").status(), "the admin gets in");
  }

  /** A body every client route accepts: both families' key fields and what each route requires. */
  static JsonObject clientBody(String appId, String appKey) {
    return new JsonObject().put("app_key", appKey).put("appKey", appKey).put("appId", appId)
        .put("machine_id", "m-1").put("deviceId", "m-1").put("version", "1.0.0").put("current_version", "1.0.0")
        .put("platform", "windows").put("software_version", "1.0.0").put("appVersion", "1.0.0").put("error_type", "E")
        .put("error_message", "boom").put("appPackage", "com.acme").put("context", "boom").put("moduleId", "mod-1");
  }

  /** An app's Sentry DSN: its public key and project number. */
  record Dsn(String key, String projectId) {
    static Dsn of(Api owner, String appId) {
      Resp r = owner.get("/v1/user/" + owner.openId + "/app/" + appId);
      assertEquals(200, r.status(), r::toString);
      URI dsn = URI.create(r.json().getJsonObject("app").getString("dsn"));
      return new Dsn(dsn.getUserInfo(), dsn.getPath().substring(dsn.getPath().lastIndexOf('/') + 1));
    }
  }

  /** POSTs a small event to a Sentry route of {@code dsn}'s project, with {@code key} in X-Sentry-Auth or the query (or none). */
  static Resp sentry(Routes.Op op, Dsn dsn, String key, boolean inQuery) {
    String path = op.template().replace("{projectId}", dsn.projectId()) + "/";
    String event = new JsonObject().put("message", "access check").put("platform", "java").encode();
    String body = op.template().endsWith("/envelope") ? "{}\n{\"type\":\"event\"}\n" + event + "\n" : event;
    HttpRequest.Builder b = server.anonymous().request(path + (key != null && inQuery ? "?sentry_key=" + key : ""))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (key != null && !inQuery) {
      b.header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=beacon-access-test/1.0, sentry_key=" + key);
    }
    return server.anonymous().send(b);
  }

  /**
   * The third kind of credential: the routes keyed by a Sentry DSN key (openapi.yaml's sentryAuth
   * and sentryKey) refuse a request without one, an unknown one and another project's with 401 /
   * 403 in Sentry's shape (JSON with {@code detail}, not a Beacon code like 4001), a frozen app's with 403, in
   * the header and in the query alike; the right key gets in.
   */
  @Test
  void sentryKeyedRoutesRefuseAMissingUnknownForeignOrFrozenKey() {
    List<Routes.Op> ops = routes.sentryKeyed();
    assertEquals(2, ops.size(), ops::toString);
    Dsn good = Dsn.of(a, appA.appId());
    TestApps.Created cold = TestApps.create(a);
    Dsn frozen = Dsn.of(a, cold.appId());
    TestApps.freeze(server, cold.appId());
    Dsn other = Dsn.of(a, TestApps.create(a).appId());
    String unknown = "0123456789abcdef0123456789abcdef";
    List<String> wrong = new ArrayList<>();
    for (Routes.Op op : ops) {
      expect(wrong, op + " without a key", sentry(op, good, null, false), 401);
      for (boolean inQuery : new boolean[] {false, true}) {
        String how = inQuery ? " (query)" : " (header)";
        expect(wrong, op + " an unknown key" + how, sentry(op, good, unknown, inQuery), 401);
        expect(wrong, op + " another project's key" + how, sentry(op, good, other.key(), inQuery), 403);
        expect(wrong, op + " a frozen app's key" + how, sentry(op, frozen, frozen.key(), inQuery), 403);
        expect(wrong, op + " the right key" + how, sentry(op, good, good.key(), inQuery), 200);
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  /** Sentry's shape: {@code id} when stored, else {@code detail} (and no Beacon code: a {@code code} is the HTTP status). */
  private static void expect(List<String> wrong, String what, Resp r, int status) {
    boolean sentryShape = r.raw().startsWith("{") && (status == 200 ? r.json().containsKey("id")
        : r.json().containsKey("detail") && (!r.json().containsKey("code") || r.code() == status));
    if (r.status() != status || !sentryShape) {
      wrong.add(what + " -> " + r);
    }
  }

  @Test
  void clientRoutesRefuseAWrongKeyAndAFrozenApp() {
    TestApps.Created frozen = TestApps.create(a);
    TestApps.Created good = TestApps.create(a);
    TestApps.freeze(server, frozen.appId());
    String wrongKey = good.appKey().substring(0, good.appKey().length() - 1) + (good.appKey().endsWith("0") ? "1" : "0");
    List<String> wrong = new ArrayList<>();
    // the client routes keyed by a body field; the Sentry routes (keyed by a header or the query)
    // are walked by sentryKeyedRoutesRefuseAMissingUnknownForeignOrFrozenKey
    List<DeclaredRoute> clientRoutes = server.server().routes().stream()
        .filter(r -> r.kind() == DeclaredRoute.Kind.CLIENT && r.keyField() != null).toList();
    assertEquals(6, clientRoutes.size(), clientRoutes::toString);
    for (DeclaredRoute route : clientRoutes) {
      Routes.Op op = routes.find(route.method().name(), route.path());
      assertTrue(op.open(), op + " is a public client route in openapi.yaml");
      boolean familyA = route.path().startsWith("/api/");
      Resp ok = server.anonymous().post(route.path(), clientBody(good.appId(), good.appKey()));
      assertNotEquals(401, ok.status(), op + " with the right key: " + ok);
      assertNotEquals(403, ok.status(), op + " with the right key: " + ok);
      Resp bad = server.anonymous().post(route.path(), clientBody(good.appId(), wrongKey));
      if (bad.status() != 401 || bad.code() != (familyA ? 401 : 4001)) {
        wrong.add(op + " wrong key -> " + bad);
      }
      Resp cold = server.anonymous().post(route.path(), clientBody(frozen.appId(), frozen.appKey()));
      if (cold.status() != 403 || cold.code() != (familyA ? 403 : 4003)) {
        wrong.add(op + " frozen app -> " + cold);
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }
}
