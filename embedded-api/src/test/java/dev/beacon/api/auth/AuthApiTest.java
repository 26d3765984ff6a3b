package dev.beacon.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AuthApiTest extends ServerTest {

  private static JsonObject creds(String account, String password) {
    return new JsonObject().put("account", account).put("password", password);
  }

  @Test
  void adminLogsInWithConfiguredPassword() {
    Resp r = server.anonymous().post("/v1/auth/login", creds(TestServer.ADMIN, TestServer.ADMIN_PASSWORD));
    assertEquals(200, r.status(), r::toString);
    assertEquals(1000, r.code());
    assertEquals("success", r.msg());
    assertNotNull(r.json().getString("openId"));
    assertEquals(64, r.json().getString("token").length());
    assertTrue(r.json().getBoolean("admin"));
  }

  @Test
  void wrongPasswordAndUnknownAccountAre4001() {
    Resp wrong = server.anonymous().post("/v1/auth/login", creds(TestServer.ADMIN, "not-the-password"));
    assertEquals(401, wrong.status());
    assertEquals(4001, wrong.code());
    Resp unknown = server.anonymous().post("/v1/auth/login", creds("nobody@example.com", "whatever-password"));
    assertEquals(4001, unknown.code());
    assertEquals(wrong.msg(), unknown.msg(), "the message must not tell which accounts exist");
  }

  @Test
  void loginNeedsBothFields() {
    Resp r = server.anonymous().post("/v1/auth/login", new JsonObject().put("account", "admin"));
    assertEquals(400, r.status());
    assertEquals(4000, r.code());
    assertTrue(r.msg().contains("password"), r.msg());
  }

  @Test
  void tokensAreStoredOnlyAsHashes() throws Exception {
    Api admin = server.admin();
    try (var c = server.server().db().dataSource().getConnection();
        var st = c.prepareStatement("select count(*) from auth_token where token_hash = ?")) {
      st.setString(1, admin.token);
      try (var rs = st.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getInt(1), "the raw token must not be in the database");
      }
    }
  }

  @Test
  void registerIsAdminOnlyWhileSelfRegistrationIsOff() {
    JsonObject body = new JsonObject().put("type", "email").put("account", "someone@example.com").put("password", "long-enough-pw");
    Resp anon = server.anonymous().post("/v1/auth/register", body);
    assertEquals(4001, anon.code(), anon::toString);

    Api dev = server.newDeveloper();
    Resp byDeveloper = dev.post("/v1/auth/register", body);
    assertEquals(4003, byDeveloper.code(), byDeveloper::toString);

    Resp byAdmin = server.admin().post("/v1/auth/register", body);
    assertEquals(1000, byAdmin.code(), byAdmin::toString);
    Resp again = server.admin().post("/v1/auth/register", body.copy().put("account", "SOMEONE@example.com"));
    assertEquals(4007, again.code(), "accounts are unique regardless of case");
    assertEquals(409, again.status());
    Resp signIn = server.anonymous().post("/v1/auth/login", creds("  Someone@Example.COM ", "long-enough-pw"));
    assertEquals(1000, signIn.code(), "the account is found whatever its case: " + signIn);
    assertEquals(byAdmin.json().getString("openId"), signIn.json().getString("openId"));
    assertFalse(signIn.json().getBoolean("admin"));
  }

  @Test
  void registerValidatesTypeAccountAndPassword() {
    Api admin = server.admin();
    Resp badType = admin.post("/v1/auth/register", new JsonObject().put("type", "fax").put("account", "a@b.co").put("password", "long-enough-pw"));
    assertEquals(4000, badType.code());
    assertTrue(badType.msg().contains("type"));
    Resp badEmail = admin.post("/v1/auth/register", new JsonObject().put("type", "email").put("account", "not-an-email").put("password", "long-enough-pw"));
    assertEquals(4000, badEmail.code());
    Resp shortPw = admin.post("/v1/auth/register", new JsonObject().put("type", "phone").put("account", "+86 138 0000 0000").put("password", "short"));
    assertEquals(4000, shortPw.code());
    assertTrue(shortPw.msg().contains("password"));
  }

  @Test
  void selfRegistrationWhenSwitchedOn() throws Exception {
    try (TestServer open = TestServer.start(c -> c.selfRegistration(true))) {
      Resp r = open.anonymous().post("/v1/auth/register",
          new JsonObject().put("type", "email").put("account", "self@example.com").put("password", "long-enough-pw"));
      assertEquals(1000, r.code(), r::toString);
      Api self = open.login("self@example.com", "long-enough-pw");
      assertNotEquals(open.admin().openId, self.openId);
      Resp makeAdmin = open.anonymous().post("/v1/auth/register",
          new JsonObject().put("type", "email").put("account", "evil@example.com").put("password", "long-enough-pw").put("admin", true));
      assertEquals(4003, makeAdmin.code());
    }
  }

  @Test
  void guardsOnUserAndAdminRoutes() {
    Api dev = server.newDeveloper();
    String path = "/v1/user/" + dev.openId + "/app";
    assertEquals(4001, server.anonymous().get(path).code(), "no headers");
    assertEquals(4001, dev.as(dev.openId, "0".repeat(64)).get(path).code(), "wrong token");
    Api other = server.newDeveloper();
    assertEquals(4001, dev.as(other.openId, dev.token).get(path).code(), "token of another openId");
    Resp foreign = dev.get("/v1/user/" + other.openId + "/app");
    assertEquals(4003, foreign.code(), "another developer's openId in the path");
    assertEquals(403, foreign.status());
    Resp adminRoute = dev.get("/v1/admin/app");
    assertEquals(4003, adminRoute.code(), "a developer on an admin route");
  }

  @Test
  void logoutInvalidatesTheToken() {
    Api dev = server.newDeveloper();
    Resp out = dev.post("/v1/auth/logout", new JsonObject());
    assertEquals(1000, out.code(), out::toString);
    assertEquals(4001, dev.get("/v1/user/" + dev.openId + "/app").code());
    assertEquals(4001, dev.post("/v1/auth/logout", new JsonObject()).code(), "a second logout fails");
  }

  @Test
  void expiredTokensAreRefused() throws Exception {
    try (TestServer shortLived = TestServer.start(c -> c.tokenTtl(java.time.Duration.ofMillis(300)))) {
      Api admin = shortLived.admin();
      Thread.sleep(400);
      Resp r = admin.get("/v1/admin/app");
      assertEquals(4001, r.code());
      assertTrue(r.msg().contains("expired"), r.msg());
    }
  }

  @Test
  void generatedAdminPasswordIsWrittenOwnerOnly() throws Exception {
    try (TestServer fresh = TestServer.start(c -> c.adminPassword(null))) {
      var file = fresh.dataDir().resolve(AdminBootstrap.CREDENTIALS_FILE);
      assertTrue(java.nio.file.Files.exists(file));
      String text = java.nio.file.Files.readString(file);
      String password = text.lines().filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring(9);
      assertTrue(password.length() >= 16);
      var perms = java.nio.file.Files.getPosixFilePermissions(file);
      assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), perms);
      // a generated password is stored as a salted SHA-256: no PBKDF2 to store it or to check it,
      // before and after a restart; only that password passes
      long derived = Passwords.derived();
      Resp wrong = fresh.anonymous().post("/v1/auth/login", creds(TestServer.ADMIN, password.substring(1) + "x"));
      assertEquals(4001, wrong.code(), wrong::toString);
      Api admin = fresh.login(TestServer.ADMIN, password);
      assertNotNull(admin.token);
      assertNotNull(fresh.login(TestServer.ADMIN, password).token);
      assertEquals(4001, fresh.anonymous().post("/v1/auth/login", creds(TestServer.ADMIN, password + " ")).code());
      // a restart does not make a second admin or a new password
      fresh.restart();
      assertEquals(text, java.nio.file.Files.readString(file));
      assertFalse(fresh.login(TestServer.ADMIN, password).token.isEmpty());
      assertEquals(derived, Passwords.derived(), "a generated password needs no PBKDF2");
    }
  }

  @Test
  void commonPasswordsAreRefused() {
    Resp r = server.admin().post("/v1/auth/register",
        new JsonObject().put("type", "email").put("account", "common@example.com").put("password", "Password123"));
    assertEquals(4000, r.code(), r::toString);
    assertTrue(r.msg().contains("common"), r.msg());
  }

  @Test
  void repeatedFailedSignInsAreThrottledPerAccountAndAddress() {
    String email = "throttled-" + System.nanoTime() + "@example.com";
    assertEquals(1000, server.admin().post("/v1/auth/register",
        new JsonObject().put("type", "email").put("account", email).put("password", "the-right-password")).code());
    for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
      assertEquals(4001, server.anonymous().post("/v1/auth/login", creds(email, "wrong-" + i)).code());
    }
    Resp blocked = server.anonymous().post("/v1/auth/login", creds(email, "the-right-password"));
    assertEquals(429, blocked.status(), blocked::toString);
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= LoginThrottle.WINDOW.toSeconds(), "Retry-After " + retryAfter);
    assertTrue(blocked.msg().contains("too many"), blocked.msg());
    // another account from the same address is not locked out by it
    assertEquals(1000, server.anonymous().post("/v1/auth/login", creds(TestServer.ADMIN, TestServer.ADMIN_PASSWORD)).code());
  }
}
