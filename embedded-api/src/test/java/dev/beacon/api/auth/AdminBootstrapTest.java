package dev.beacon.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.Feature;
import dev.beacon.api.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first admin's account: stored once the server listens (a configured password's PBKDF2 took
 * the start's CPU beside it); sign-in waits for it.
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
    try (TestServer fresh = TestServer.start()) {
      // a configured password: its PBKDF2 may still run, and the sign-in waits for the account
      assertFalse(fresh.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD).token.isEmpty());
    }
  }
}
