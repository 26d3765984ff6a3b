package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.TestDatabase;
import dev.beacon.api.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server starts without Hibernate comparing the schema with the entities (Flyway's version
 * proves it, and it costs seconds at every start); this test does that comparison, on H2 and on
 * PostgreSQL, so that a migration and its entities cannot drift apart. It also checks the start-up
 * timeline that {@code --verbose} prints.
 */
class SchemaValidationTest {
  @Test
  void theMigratedSchemaMatchesEveryEntity() throws Exception {
    // with validation on, a missing table or column, or a wrong type, fails the start
    try (TestServer server = TestServer.start(c -> c.validateSchema(true))) {
      assertEquals(200, server.anonymous().get("/health").status());
    }
  }

  @Test
  void theTimelineNamesEveryPhaseInOrder() throws Exception {
    try (TestServer server = TestServer.start()) {
      List<StartupTimeline.Phase> phases = server.server().timeline().phases();
      List<String> names = phases.stream().map(StartupTimeline.Phase::name).toList();
      int pool = names.indexOf("database pool, first connection");
      assertTrue(pool > 0, names::toString);
      // a new H2 folder starts from the template, already at this build's migrations; a new
      // PostgreSQL database is migrated by Flyway
      assertTrue(names.get(pool + 1).startsWith(TestDatabase.postgres() ? "Flyway migrations" : "schema already this build's"),
          names::toString);
      // Hibernate boots alongside (the features start meanwhile) and is ready before the server listens
      int hibernate = names.indexOf(names.stream().filter(n -> n.startsWith("Hibernate boot")).findFirst().orElseThrow());
      assertTrue(hibernate > pool + 1 && hibernate == names.size() - 2, names::toString);
      assertTrue(names.contains("start of AuthFeature") && names.contains("start of TelemetryFeature"), names::toString);
      assertEquals("listening", names.get(names.size() - 1), names::toString);
      for (int i = 1; i < phases.size(); i++) {
        assertTrue(phases.get(i).endMs() >= phases.get(i - 1).endMs(), names::toString);
      }
      String text = server.server().timeline().describe();
      assertTrue(text.contains("Hibernate boot") && text.contains("listening"), text);
    }
  }

  @Test
  void aRestartOnAMigratedDatabaseNeedsNoFlyway() throws Exception {
    try (TestServer server = TestServer.start()) {
      TestServer again = server.restart();
      List<String> names = again.server().timeline().phases().stream().map(StartupTimeline.Phase::name).toList();
      assertTrue(names.stream().anyMatch(n -> n.startsWith("schema already this build's")), names::toString);
      assertEquals(200, again.anonymous().get("/health").status());
    }
  }
}
