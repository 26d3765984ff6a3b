package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Lease}'s SQL, on the test database (H2 by default, PostgreSQL in the CI's PostgreSQL run):
 * several holders of one name, as several instances would be: one holds it at a time; one that
 * stops renewing loses it once it expired and another takes it; one that closes releases it at
 * once. Times are short here (renewal 200 ms, expiry 1 s); nothing is asserted on how long a step
 * took, only on what comes after it.
 */
class LeaseTest {
  private static final Duration RENEW = Duration.ofMillis(200);
  private static final Duration EXPIRE = Duration.ofSeconds(1);

  @Test
  void oneHolderAtATimeAndAClosedOneReleasesIt() throws Exception {
    try (TestServer server = TestServer.start()) {
      Db db = server.server().db();
      try (Lease a = Lease.startAs(db, "test-job", "instance-a", RENEW, EXPIRE);
          Lease b = Lease.startAs(db, "test-job", "instance-b", RENEW, EXPIRE);
          Lease c = Lease.startAs(db, "test-job", "instance-c", RENEW, EXPIRE);
          Lease other = Lease.startAs(db, "other-job", "instance-b", RENEW, EXPIRE)) {
        assertTrue(a.held(), "the first to try takes it");
        assertFalse(b.held());
        assertFalse(c.held());
        assertTrue(other.held(), "another name is another lease");
        for (int i = 0; i < 10; i++) {
          Thread.sleep(RENEW.toMillis());
          assertEquals(1, count(List.of(a, b, c)), "never two holders");
          assertTrue(a.held(), "the holder renews it");
        }
        a.close();
        assertFalse(a.held());
        waitFor(() -> b.held() || c.held());
        assertEquals(1, count(List.of(a, b, c)), "released: one of the others took it");
      }
    }
  }

  @Test
  void aHolderThatStopsRenewingLosesItOnceItExpired() throws Exception {
    try (TestServer server = TestServer.start()) {
      Db db = server.server().db();
      Lease dead = Lease.startAs(db, "test-job", "instance-dead", RENEW, EXPIRE);
      assertTrue(dead.held());
      // a crash: no more renewals, and no release (the row stays as it was)
      dead.stopRenewing();
      try (Lease next = Lease.startAs(db, "test-job", "instance-next", RENEW, EXPIRE)) {
        assertFalse(next.held(), "not before the expiry");
        waitFor(next::held);
        assertFalse(dead.held(), "the dead one counts itself out before the database does");
      }
    }
  }

  @Test
  void onH2OrAloneTheServersOwnLeaseIsHeld() throws Exception {
    try (TestServer server = TestServer.start()) {
      try (Lease lease = Lease.start(server.server().db(), "alone", RENEW, EXPIRE)) {
        assertTrue(lease.held());
      }
    }
  }

  private static long count(List<Lease> leases) {
    return leases.stream().filter(Lease::held).count();
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertTrue(condition.getAsBoolean(), "not reached within 10 s");
  }
}
