package dev.beacon.api.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The read-only view of apps other features use: apps by key and by id as the API leaves them, and
 * notices of changes, each server's own (several servers in one JVM do not hear each other's).
 */
class AppDirectoryTest {
  @Test
  void eachServerHearsOnlyTheChangesOfItsOwnApps() throws Exception {
    try (TestServer one = TestServer.start(); TestServer two = TestServer.start()) {
      List<String> heardByOne = new CopyOnWriteArrayList<>();
      List<String> heardByTwo = new CopyOnWriteArrayList<>();
      List<String> heardByOneAgain = new CopyOnWriteArrayList<>();
      AppDirectory.of(one.server().db()).onChange(heardByOne::add);
      AppDirectory.of(two.server().db()).onChange(heardByTwo::add);
      Runnable stop = AppDirectory.of(one.server().db()).onChange(heardByOneAgain::add);
      TestApps.Created ofOne = TestApps.create(one.newDeveloper());
      TestApps.Created ofTwo = TestApps.create(two.newDeveloper());

      TestApps.freeze(two, ofTwo.appId());
      assertEquals(List.of(ofTwo.appId()), heardByTwo);
      assertTrue(heardByOne.isEmpty(), "the other server's change is not heard: " + heardByOne);

      TestApps.freeze(one, ofOne.appId());
      assertEquals(List.of(ofOne.appId()), heardByOne, "told once, however many views of the server's apps there are");
      assertEquals(List.of(ofOne.appId()), heardByOneAgain);
      assertEquals(List.of(ofTwo.appId()), heardByTwo);

      stop.run();
      Api developer = one.admin();
      assertEquals(1000, developer.post("/v1/admin/app/" + ofOne.appId() + "/action",
          new io.vertx.core.json.JsonObject().putNull("unfreeze")).code());
      assertEquals(List.of(ofOne.appId(), ofOne.appId()), heardByOne);
      assertEquals(List.of(ofOne.appId()), heardByOneAgain, "a listener stopped hears nothing more");
    }
  }

  @Test
  void findsAppsByKeyAndByIdAsTheApiLeftThem() throws Exception {
    try (TestServer server = TestServer.start()) {
      TestApps.Created app = TestApps.create(server.newDeveloper());
      TestApps.freeze(server, app.appId());
      AppDirectory apps = AppDirectory.of(server.server().db());
      try (Connection c = server.server().db().dataSource().getConnection()) {
        Map<String, AppDirectory.Entry> byKey = apps.byKeys(c, List.of(app.appKey(), "no-such-key"));
        assertEquals(1, byKey.size(), byKey::toString);
        AppDirectory.Entry entry = byKey.get(app.appKey());
        assertEquals(app.appId(), entry.appId());
        assertEquals(TestApps.secret(server, app.appId()), entry.secret());
        assertTrue(entry.frozen());
        assertEquals(java.util.Set.of(app.appId()), apps.existing(c, List.of(app.appId(), "deletedapp")));
        assertTrue(apps.zones(c).containsKey(app.appId()));
      }
    }
  }
}
