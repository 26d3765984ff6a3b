package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.Beacon;
import dev.beacon.api.support.TestDatabase;
import dev.beacon.api.support.TestServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Beacon per PostgreSQL database: a second server on a database another one serves is refused
 * before it changes anything, naming the first; a stopped or dead holder no longer blocks. (On H2
 * the file lock does this between processes: {@code headless.ServerJarIT}.)
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "the advisory lock is PostgreSQL's (the CI PostgreSQL run runs it); on H2 the file lock is tested by ServerJarIT")
class SingleInstanceTest {
  @TempDir Path otherData;

  @Test
  void aSecondServerIsRefusedNamingTheFirstAndStartsOnceTheFirstStopped() throws Exception {
    try (TestServer first = TestServer.start()) {
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> Beacon.startBlocking(sameDatabase(first)));
      String message = refused.getMessage();
      assertTrue(message.startsWith("another Beacon (host " + InetAddress.getLocalHost().getHostName()), message);
      assertTrue(message.contains("pid " + ProcessHandle.current().pid()), message);
      assertTrue(message.contains("data folder " + first.dataDir() + ", since 20"), message);
      assertTrue(message.contains("is serving this database; stop it, or give this one its own database with --db-url"), message);
      try (Stream<Path> written = Files.list(otherData)) {
        assertEquals(0, written.count(), "the refused server wrote nothing to its data folder");
      }
      assertEquals(200, first.anonymous().get("/health").status(), "the first one serves on");

      first.restart(() -> {
        BeaconServer next = Beacon.startBlocking(sameDatabase(first));
        next.stopBlocking();
      });
      assertThrows(IllegalStateException.class, () -> Beacon.startBlocking(sameDatabase(first)),
          "the restarted first one holds the database again");
    }
  }

  @Test
  void aHolderWhoseConnectionDiedNoLongerBlocks() throws Exception {
    try (TestServer first = TestServer.start()) {
      Config config = sameDatabase(first);
      try (Connection c = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
          PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
              + " WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
              + " AND classid = ? AND objid = ? AND objsubid = 1")) {
        // a bigint key is held as its high and low 32 bits
        st.setLong(1, InstanceLock.KEY >>> 32);
        st.setLong(2, InstanceLock.KEY & 0xFFFFFFFFL);
        try (ResultSet rs = st.executeQuery()) {
          assertTrue(rs.next() && rs.getBoolean(1), "the first server's lock connection was found and ended");
        }
      }
      BeaconServer next = startWhenReleased(config);
      try {
        assertTrue(next.port() > 0);
      } finally {
        next.stopBlocking();
      }
    }
  }

  /** PostgreSQL ends a terminated backend's session (and its locks) shortly after the signal. */
  private static BeaconServer startWhenReleased(Config config) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        return Beacon.startBlocking(config);
      } catch (IllegalStateException e) {
        if (attempt == 50 || !e.getMessage().contains("is serving this database")) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  /** A second server's config: its own data folder and port, the first one's database. */
  private Config sameDatabase(TestServer first) {
    Config of = first.server().config();
    return Config.defaults().host("127.0.0.1").port(0).dataDir(otherData).quiet(true)
        .dbUrl(of.dbUrl()).dbUser(of.dbUser()).dbPassword(of.dbPassword());
  }
}
