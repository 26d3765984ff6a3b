package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start skips Flyway only on a database whose migration history is exactly the one this build
 * ships; an older, edited or failed history still goes through Flyway, which upgrades or refuses it.
 */
class SchemaStampTest {
  @TempDir
  Path dir;

  @Test
  void theBuildListsEveryMigrationItShips() {
    List<String> shipped = SchemaStamp.shipped();
    MigrationInfo[] resolved = DbTemplate.flyway(h2("resolved"), true).info().all();
    assertEquals(resolved.length, shipped.size(), shipped::toString);
    for (int i = 0; i < resolved.length; i++) {
      assertTrue(shipped.get(i).startsWith(resolved[i].getVersion() + " " + resolved[i].getChecksum() + " "), shipped.get(i));
    }
  }

  @Test
  void aDatabaseAtThisBuildsMigrationsNeedsNoFlyway() throws Exception {
    JdbcDataSource ds = h2("current");
    DbTemplate.flyway(ds, true).migrate();
    assertTrue(SchemaStamp.current(ds));
    assertFalse(Db.migrate(ds, new Config().dataDir(dir), false), "Flyway did not run");
  }

  @Test
  void anOlderDatabaseGoesThroughFlywayAndIsUpgraded() throws Exception {
    JdbcDataSource ds = h2("older");
    String last = SchemaStamp.shipped().get(SchemaStamp.shipped().size() - 1).split(" ")[0];
    String before = Integer.toString(Integer.parseInt(last) - 1);
    Flyway.configure().configuration(DbTemplate.flyway(ds, true).getConfiguration()).target(before).load().migrate();
    assertFalse(SchemaStamp.current(ds));
    assertTrue(Db.migrate(ds, new Config().dataDir(dir), false), "Flyway ran");
    assertTrue(SchemaStamp.current(ds), "now at this build's migrations");
  }

  @Test
  void anEditedHistoryIsLeftToFlywayWhichRefusesIt() throws Exception {
    JdbcDataSource ds = h2("edited");
    DbTemplate.flyway(ds, true).migrate();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
    }
    assertFalse(SchemaStamp.current(ds));
    FlywayException refused = assertThrows(FlywayException.class, () -> Db.migrate(ds, new Config().dataDir(dir), false));
    assertTrue(refused.getMessage().contains("checksum"), refused.getMessage());
  }

  @Test
  void aFailedMigrationIsLeftToFlyway() throws Exception {
    JdbcDataSource ds = h2("failed");
    DbTemplate.flyway(ds, true).migrate();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"installed_rank\" ="
          + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
    }
    assertFalse(SchemaStamp.current(ds));
    assertThrows(FlywayException.class, () -> Db.migrate(ds, new Config().dataDir(dir), false));
  }

  @Test
  void anEmptyDatabaseIsNotCurrent() {
    assertFalse(SchemaStamp.current(h2("empty")));
  }

  private JdbcDataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(name).resolve("beacon").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE");
    return ds;
  }
}
