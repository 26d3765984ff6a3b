package dev.beacon.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.Feature;
import dev.beacon.api.support.TestServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first admin's account: its password hashed once the server listens (not beside the start,
 * whose CPU it took), or at once for the console; either way sign-in waits for it.
 */
class AdminBootstrapTest {
  @Test
  void aStartThatFailsBeforeListeningHashesNothing() {
    List<Feature> features = new ArrayList<>(Beacon.features());
    features.add((routes, ctx) -> {
      throw new IllegalStateException("this feature cannot mount");
    });
    long derived = Passwords.derived();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestServer.startWith(features).close());
    assertEquals("this feature cannot mount", e.getMessage());
    assertEquals(derived, Passwords.derived(), "the admin's hash waits for the server to listen");
  }

  @Test
  void theAdminSignsInAsSoonAsTheServerListens() throws Exception {
    try (TestServer fresh = TestServer.start(c -> c.adminPassword(null))) {
      String password = Files.readString(fresh.dataDir().resolve(AdminBootstrap.CREDENTIALS_FILE)).lines()
          .filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring(9);
      // the hash may still run: the sign-in waits for the account instead of failing
      assertFalse(fresh.login(TestServer.ADMIN, password).token.isEmpty());
    }
  }

  @Test
  void theConsolesAdminIsMadeWhileItsServerStarts() throws Exception {
    try (TestServer console = TestServer.start(c -> c.adminPassword(null).adminAtOnce(true))) {
      String password = Files.readString(console.dataDir().resolve(AdminBootstrap.CREDENTIALS_FILE)).lines()
          .filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring(9);
      assertFalse(console.login(TestServer.ADMIN, password).token.isEmpty());
      assertFalse(console.login(TestServer.ADMIN, password).token.isEmpty());
    }
  }
}
