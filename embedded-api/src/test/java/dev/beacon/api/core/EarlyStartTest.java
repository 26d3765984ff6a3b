package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.beacon.api.Beacon;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A start begun before the configuration is read: its Hibernate boot is taken only by a server on H2. */
class EarlyStartTest {
  @Test
  void aServerOnH2TakesTheBootBegunAndWorks() throws Exception {
    EarlyStart early = Beacon.beginStart(true);
    Path dir = Files.createTempDirectory("beacon-early-");
    Config config = Config.defaults().host("127.0.0.1").port(0).dataDir(dir).adminAccount(TestServer.ADMIN)
        .adminPassword(TestServer.ADMIN_PASSWORD).quiet(true);
    assertNotNull(early.bootFor(config), "an H2 server takes the boot");
    BeaconServer server = BeaconServer.startBlocking(config, early);
    try {
      Api anonymous = new Api("http://127.0.0.1:" + server.port(), null, null);
      Resp login = anonymous.post("/v1/auth/login",
          new JsonObject().put("account", TestServer.ADMIN).put("password", TestServer.ADMIN_PASSWORD));
      assertEquals(200, login.status(), login::toString);
      Api admin = anonymous.as(login.json().getString("openId"), login.json().getString("token"));
      Resp created = admin.post("/v1/user/" + admin.openId + "/app", new JsonObject().put("name", "Early").put("platform", 1));
      assertEquals(200, created.status(), created::toString);
      String appId = created.json().getJsonObject("app").getString("appId");
      Resp read = admin.get("/v1/user/" + admin.openId + "/app/" + appId);
      assertEquals("Early", read.json().getJsonObject("app").getString("name"), read::toString);
    } finally {
      server.stopBlocking();
      TestServer.deleteTree(dir);
    }
  }

  @Test
  void anotherDatabaseOrAValidatingStartBootsItsOwn() throws Exception {
    EarlyStart early = Beacon.beginStart(true);
    assertNull(early.bootFor(Config.defaults().dbUrl("jdbc:postgresql://127.0.0.1:1/none")), "PostgreSQL reads its metadata");
    EarlyStart again = Beacon.beginStart(true);
    assertNull(again.bootFor(Config.defaults().validateSchema(true)), "validating waits for the migrations");
    EarlyStart none = Beacon.beginStart(false);
    assertNull(none.bootFor(Config.defaults()), "no boot was begun");
    assertEquals(none.features().size(), Beacon.features().size());
  }

  @Test
  void featuresThatCannotBeMadeFailTheStart() {
    EarlyStart broken = EarlyStart.begin(() -> {
      throw new IllegalStateException("no features here");
    }, true);
    IllegalStateException e = assertThrows(IllegalStateException.class, broken::features);
    assertEquals("no features here", e.getMessage());
    assertThrows(IllegalStateException.class, () -> BeaconServer.startBlocking(Config.defaults(), broken));
  }

  @Test
  void theSameFeaturesAreUsed() throws Exception {
    EarlyStart early = Beacon.beginStart(false);
    List<Feature> first = early.features();
    assertSame(first, early.features());
  }
}
