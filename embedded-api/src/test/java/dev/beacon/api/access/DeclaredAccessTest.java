package dev.beacon.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.Beacon;
import dev.beacon.api.auth.AuthFeature;
import dev.beacon.api.core.DeclaredRoute;
import dev.beacon.api.core.DeclaredRoute.Kind;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Guards follow from how a route is declared, not from where its feature sits in the list, and the
 * server refuses to start rather than serve a route that would be left unguarded.
 */
class DeclaredAccessTest {
  /** Routes open to anyone that check the caller themselves (logout needs a token, register an admin unless self-registration is on). */
  static final Set<String> CHECK_THEMSELVES = Set.of("POST /v1/auth/logout", "POST /v1/auth/register");

  /** A feature declaring whatever the test says. */
  record Declares(Consumer<Routes> declare) implements Feature {
    @Override
    public void mount(Routes routes, ServerContext ctx) {
      declare.accept(routes);
    }
  }

  static void ok(io.vertx.ext.web.RoutingContext ctx) {
    Http.send(ctx, Http.ok());
  }

  /** The standard features with auth last, after {@code first}. */
  static List<Feature> authLast(Feature first) {
    List<Feature> features = new ArrayList<>(List.of(first));
    Beacon.features().stream().filter(f -> !(f instanceof AuthFeature)).forEach(features::add);
    features.add(new AuthFeature());
    return features;
  }

  @Test
  void theGuardsRunWhereverTheAuthFeatureSits() throws Exception {
    Feature probe = new Declares(r -> {
      r.get("/v1/probe/developer").developer(DeclaredAccessTest::ok);
      r.get("/v1/probe/admin").admin(DeclaredAccessTest::ok);
      r.get("/v1/probe/:openId/mine").developer(DeclaredAccessTest::ok);
    });
    try (TestServer server = TestServer.startWith(authLast(probe))) {
      Api dev = server.newDeveloper();
      Api other = server.newDeveloper();
      assertAnswer(401, 4001, server.anonymous().get("/v1/probe/developer"));
      assertAnswer(200, 1000, dev.get("/v1/probe/developer"));
      assertAnswer(401, 4001, server.anonymous().get("/v1/probe/admin"));
      assertAnswer(403, 4003, dev.get("/v1/probe/admin"));
      assertAnswer(200, 1000, server.admin().get("/v1/probe/admin"));
      assertAnswer(200, 1000, dev.get("/v1/probe/" + dev.openId + "/mine"));
      // the standard routes too, and the areas' unknown paths
      assertAnswer(401, 4001, server.anonymous().get("/v1/user/" + dev.openId + "/app"));
      assertAnswer(403, 4003, dev.get("/v1/user/" + other.openId + "/app"));
      assertAnswer(401, 4001, server.anonymous().get("/v1/admin/no/such/thing"));
      assertAnswer(403, 4003, dev.get("/v1/admin/app"));
    }
  }

  @Test
  void withoutAGuardProviderAServerWithGuardedRoutesDoesNotStart() {
    Feature probe = new Declares(r -> r.get("/v1/probe/developer").developer(DeclaredAccessTest::ok));
    Exception e = assertThrows(Exception.class, () -> TestServer.startWith(List.of(probe)).close());
    assertTrue(e.getMessage().contains("no feature provides the developer and admin guards"), e::toString);
    assertTrue(e.getMessage().contains("GET /v1/probe/developer"), e::toString);
  }

  @Test
  void aRouteBelowAnAreaThatIsLessGuardedThanTheAreaDoesNotStart() {
    Feature probe = new Declares(r -> r.get("/v1/admin/probe/:id").open(DeclaredAccessTest::ok));
    Exception e = assertThrows(Exception.class, () -> TestServer.startWith(authLast(probe)).close());
    assertTrue(e.getMessage().contains("is below the ADMIN area /v1/admin/"), e::toString);
  }

  @Test
  void aRouteDeclaredTwiceDoesNotStart() {
    Feature probe = new Declares(r -> r.get("/v1/user/:openId/app").developer(DeclaredAccessTest::ok));
    Exception e = assertThrows(Exception.class, () -> TestServer.startWith(authLast(probe)).close());
    assertTrue(e.getMessage().contains("GET /v1/user/{openId}/app is declared twice"), e::toString);
  }

  @Test
  void everyRouteIsDeclaredWithTheAccessOpenapiSays() throws Exception {
    dev.beacon.api.access.Routes contract = dev.beacon.api.access.Routes.load();
    List<String> wrong = new ArrayList<>();
    try (TestServer server = TestServer.start()) {
      for (DeclaredRoute r : server.server().routes()) {
        if (r.method().name().equals("HEAD")) {
          continue; // openapi.yaml describes GET only
        }
        dev.beacon.api.access.Routes.Op op = contract.find(r.method().name(), r.endpoint().substring(r.endpoint().indexOf(' ') + 1));
        boolean admin = op.admin() || AccessApiTest.ADMIN_ELSEWHERE.contains(op.toString()) && !CHECK_THEMSELVES.contains(op.toString());
        // a Sentry DSN key is a client's credential, checked by the route itself
        Kind expected = op.sentry() ? Kind.CLIENT : op.open() ? null : admin ? Kind.ADMIN
            : CHECK_THEMSELVES.contains(op.toString()) ? Kind.OPEN : Kind.DEVELOPER;
        boolean fits = expected == null ? r.kind() == Kind.OPEN || r.kind() == Kind.CLIENT : r.kind() == expected;
        if (!fits) {
          wrong.add(r + " but openapi.yaml says " + (op.sentry() ? "keyed by a Sentry DSN key"
              : op.open() ? "public" : "guarded" + (admin ? " (admin)" : "")));
        }
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  @Test
  void unknownPathsAndMethodsBelowAnAreaMeetItsGuardBeforeTheir404Or405() throws Exception {
    try (TestServer server = TestServer.start()) {
      Api a = server.newDeveloper();
      Api b = server.newDeveloper();
      Api none = server.anonymous();
      String mine = "/v1/user/" + a.openId;
      assertAnswer(401, 4001, none.get(mine + "/nothing"));
      assertAnswer(404, 4004, a.get(mine + "/nothing"));
      assertAnswer(403, 4003, a.get("/v1/user/" + b.openId + "/nothing"));
      assertAnswer(401, 4001, none.raw("PATCH", mine + "/app", null, null));
      assertAnswer(405, 4000, a.raw("PATCH", mine + "/app", null, null));
      assertAnswer(403, 4003, a.raw("PATCH", "/v1/user/" + b.openId + "/app", null, null));
      assertAnswer(401, 4001, none.get("/v1/user/x"));
      assertAnswer(401, 4001, none.get("/v1/user/uploadfile"));
      assertAnswer(401, 4001, none.raw("POST", "/v1/user//", "{}", "application/json"));
      assertAnswer(401, 4001, none.get("/v1/admin/nothing"));
      assertAnswer(401, 4001, none.get("/v1/admin"));
      assertAnswer(403, 4003, a.get("/v1/admin/nothing"));
      assertAnswer(404, 4004, server.admin().get("/v1/admin/nothing"));
      assertAnswer(403, 4003, a.raw("PATCH", "/v1/admin/app", null, null));
      assertAnswer(405, 4000, server.admin().raw("PATCH", "/v1/admin/app", null, null));
      // the Q&A community's account sync is open, at the root of the developer's area
      assertAnswer(400, 4000, none.raw("POST", "/v1/user/", "{}", "application/json"));
      assertAnswer(405, 4000, none.get("/v1/user/"));
      assertAnswer(404, 4004, none.raw("POST", "/v1/user", "{}", "application/json"));
      // outside the areas
      assertAnswer(405, 4000, none.raw("PATCH", "/v1/poster", null, null));
      assertAnswer(401, 4001, none.raw("POST", "/v1/poster", "{}", "application/json"));
      assertAnswer(403, 4003, a.raw("POST", "/v1/uploadfile", "{}", "application/json"));
      assertAnswer(405, 4000, none.get("/v1/uploadfile"));
    }
  }

  static void assertAnswer(int status, int code, Resp r) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(code, r.code(), r::toString);
  }
}
