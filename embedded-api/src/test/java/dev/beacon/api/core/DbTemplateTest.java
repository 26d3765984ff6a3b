package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new data folder starts from the template the build migrated: it must be exactly what the
 * migrations make from scratch, and a copy that does not match them is migrated from scratch.
 */
class DbTemplateTest {
  @TempDir
  Path dir;

  @Test
  void theTemplateIsTheSchemaTheMigrationsMakeFromScratch() throws Exception {
    Path copied = dir.resolve("copied");
    Files.createDirectories(copied);
    assertTrue(DbTemplate.copyTo(copied.resolve("beacon.mv.db")), "the build puts " + DbTemplate.RESOURCE + " on the class path");
    assertFalse(DbTemplate.copyTo(copied.resolve("beacon.mv.db")), "an existing database is never replaced");
    JdbcDataSource fromTemplate = h2(copied);
    JdbcDataSource fromScratch = h2(dir.resolve("scratch"));
    DbTemplate.flyway(fromScratch, true).migrate();
    // Flyway finds nothing to apply over the template: it is at the newest migration
    assertEquals(0, DbTemplate.flyway(fromTemplate, true).migrate().migrationsExecuted);
    assertEquals(schema(fromScratch), schema(fromTemplate));
  }

  @Test
  void aTemplateThatDoesNotMatchTheMigrationsIsMigratedFromScratch() throws Exception {
    Path folder = dir.resolve("stale");
    Files.createDirectories(folder);
    DbTemplate.copyTo(folder.resolve("beacon.mv.db"));
    JdbcDataSource ds = h2(folder);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      // as if the template had been made from a different first migration
      st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
    }
    Db.migrate(ds, new Config().dataDir(folder), true);
    JdbcDataSource scratch = h2(dir.resolve("scratch2"));
    DbTemplate.flyway(scratch, true).migrate();
    assertEquals(schema(scratch), schema(ds));
    assertEquals(0, DbTemplate.flyway(ds, true).migrate().migrationsExecuted);
  }

  private static JdbcDataSource h2(Path folder) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + folder.resolve("beacon").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE");
    return ds;
  }

  /** Every column (table, name, type, nullability, default) and index of the public schema. */
  private static List<String> schema(JdbcDataSource ds) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE,"
          + " COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
          + " AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME, COLUMN_NAME")) {
        while (rs.next()) {
          out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + "(" + rs.getString(4) + ") null="
              + rs.getString(5) + " default=" + rs.getString(6));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES"
          + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, INDEX_NAME")) {
        while (rs.next()) {
          out.add("index " + rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
        while (rs.next()) {
          out.add("migration " + rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    return out;
  }
}
