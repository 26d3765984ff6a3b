package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.Beacon;
import dev.beacon.api.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several Beacons on one PostgreSQL database: a second server joins the first, both are listed as
 * members (host, data folder, pid) and both answer; one that stops leaves the list. A Beacon from
 * before this, which holds the database's advisory lock alone, keeps a new one out (and is kept
 * out by one). (On H2 the file lock refuses a second process: {@code headless.ServerJarIT}.)
 */
@EnabledIf(value = "dev.beacon.api.support.TestDatabase#postgres",
    disabledReason = "membership is PostgreSQL's (the CI PostgreSQL run runs it); on H2 the file lock is tested by ServerJarIT")
class InstancesTest {
  @TempDir Path otherData;

  @Test
  void aSecondServerJoinsAndBothAreListedUntilOneStops() throws Exception {
    try (TestServer first = TestServer.start()) {
      List<Member> members;
      try (TestServer second = first.alongside()) {
        assertEquals(200, first.anonymous().get("/health").status());
        assertEquals(200, second.anonymous().get("/health").status());
        members = first.server().db().members();
        assertEquals(List.of(first.server().db().instanceId(), second.server().db().instanceId()),
            members.stream().map(Member::id).toList(), "both listed, the first one first");
        assertEquals(List.of(first.dataDir().toAbsolutePath().toString(), second.dataDir().toAbsolutePath().toString()),
            members.stream().map(Member::dataFolder).toList());
        assertTrue(members.stream().allMatch(m -> m.pid() == ProcessHandle.current().pid()), members::toString);
        assertEquals(members.stream().map(Member::id).toList(),
            second.server().db().members().stream().map(Member::id).toList(), "the same list from the second one");
      }
      assertEquals(List.of(first.server().db().instanceId()),
          first.server().db().members().stream().map(Member::id).toList(), "the stopped one left the list");
    }
  }

  @Test
  void anOlderBeaconHoldingTheDatabaseAloneKeepsANewOneOutAndIsKeptOut() throws Exception {
    try (TestServer first = TestServer.start()) {
      Config config = sameDatabase(first);
      try (Connection older = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword())) {
        assertFalse(tryExclusive(older), "an older Beacon, which takes the lock alone, is refused while this one serves");
      }
    }
    // the database is dropped with its server: a new one for the other way round
    try (TestServer first = TestServer.start()) {
      Config config = sameDatabase(first);
      first.restart(() -> {
        try (Connection older = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
            Statement st = older.createStatement()) {
          assertTrue(tryExclusive(older), "with no Beacon serving, an older one takes the lock");
          st.executeUpdate("INSERT INTO beacon_instance (id, host, data_folder, pid, started_at)"
              + " VALUES (1, 'old-host', '/srv/old', 42, CURRENT_TIMESTAMP)");
          IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Beacon.startBlocking(config));
          String message = refused.getMessage();
          assertTrue(message.startsWith("an older Beacon (host old-host, pid 42, data folder /srv/old, since 20"), message);
          assertTrue(message.contains("is serving this database alone; stop it (or upgrade it) before starting this one"), message);
          try (Stream<Path> written = Files.list(otherData)) {
            assertEquals(0, written.count(), "the refused server wrote nothing to its data folder");
          }
          st.executeUpdate("DELETE FROM beacon_instance");
        }
      });
      assertEquals(200, first.anonymous().get("/health").status(), "once the older one is gone, the new one starts");
    }
  }

  private static boolean tryExclusive(Connection c) throws Exception {
    try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      st.setLong(1, Membership.KEY);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
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
