package dev.beacon.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestDatabase;
import dev.beacon.api.support.TestServer;
import dev.beacon.api.telemetry.TestApps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error events' ids (V28): on H2 they come from a cache of 1,000 values, on PostgreSQL from its
 * sequence as before; either way every event gets its own id, in the order they were stored, and
 * a restart continues above the ids given before it.
 */
class EventIdsTest {
  @Test
  void idsAreUniqueAndIncreasingAcrossARestart() throws Exception {
    try (TestServer server = TestServer.start()) {
      long cache = TestDatabase.postgres()
          ? TestApps.count(server, "select s.seqcache from pg_sequence s"
              + " where s.seqrelid = pg_get_serial_sequence('error_event', 'id')::regclass")
          : TestApps.count(server, "select identity_cache from information_schema.columns"
              + " where table_name = 'ERROR_EVENT' and column_name = 'ID'");
      assertEquals(TestDatabase.postgres() ? 1 : 1000, cache, "H2's identity cache for events, PostgreSQL's untouched");

      Api dev = server.newDeveloper();
      TestApps.Created app = TestApps.create(dev);
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(storedId(server, app, "pc-" + i));
      }
      server.restart();
      for (int i = 3; i < 5; i++) {
        ids.add(storedId(server, app, "pc-" + i));
      }
      for (int i = 1; i < ids.size(); i++) {
        assertTrue(ids.get(i) > ids.get(i - 1), "each event's id above the one stored before it: " + ids);
      }
      assertEquals(5, TestApps.count(server, "select count(distinct id) from error_event where app_id = ?", app.appId()));
    }
  }

  /** Reports an error from {@code machine} and answers the id its event was stored under. */
  private static long storedId(TestServer server, TestApps.Created app, String machine) throws Exception {
    IssueFixtures.reported(server, IssueFixtures.report(app, "IOException", "disk full", "", "1.0", machine));
    return TestApps.count(server, "select max(id) from error_event where app_id = ?", app.appId());
  }
}
