package dev.beacon.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The sign-in throttle holds across two servers on one PostgreSQL database: failures counted on
 * either one add up, and the account is throttled on both once they reach the limit.
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "several instances share a PostgreSQL database (the CI PostgreSQL run runs this); on H2 one process counts")
class SignInAcrossInstancesTest {
  @Test
  void failuresOnEitherInstanceAddUpToOneLimit() throws Exception {
    try (TestServer a = TestServer.start(); TestServer b = a.alongside()) {
      String email = "throttled-" + System.nanoTime() + "@example.com";
      assertEquals(1000, a.admin().post("/v1/auth/register",
          new JsonObject().put("type", "email").put("account", email).put("password", "the-right-password")).code());
      for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
        TestServer to = i % 2 == 0 ? a : b;
        assertEquals(4001, to.anonymous().post("/v1/auth/login", creds(email, "wrong-" + i)).code(), "attempt " + i);
      }
      for (TestServer on : new TestServer[] {a, b}) {
        Resp blocked = on.anonymous().post("/v1/auth/login", creds(email, "the-right-password"));
        assertEquals(429, blocked.status(), blocked::toString);
      }
      assertEquals(1000, b.anonymous().post("/v1/auth/login", creds(TestServer.ADMIN, TestServer.ADMIN_PASSWORD)).code(),
          "another account from the same address is not locked out by it");
    }
  }

  private static JsonObject creds(String account, String password) {
    return new JsonObject().put("account", account).put("password", password);
  }
}
