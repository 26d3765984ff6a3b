package dev.beacon.api.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The migrated, empty H2 database the build makes ({@link #main}: every migration applied, then
 * compacted) and the jar carries as {@value #RESOURCE}. A new data folder starts from a copy of it
 * instead of running the migrations one by one: they are the largest part of a first start (about
 * two seconds of cold SQL parsing), the copy takes milliseconds. Flyway still runs over the copy
 * and validates it against the migrations in the jar (and applies any newer one); a copy that does
 * not match them is emptied and migrated the usual way. Without the resource (classes run from an
 * IDE) a new folder is migrated as before.
 */
public final class DbTemplate {
  /** Where the jar carries the template. */
  static final String RESOURCE = "db/template/beacon.mv.db";

  private DbTemplate() {}

  /** Flyway over {@code ds}, configured as Beacon migrates: its migrations, with the one placeholder. */
  static Flyway flyway(DataSource ds, boolean h2) {
    return Flyway.configure().dataSource(ds).locations("classpath:db/migration")
        // the one column type the two databases spell differently
        .placeholders(Map.of("binary", h2 ? "VARBINARY(1000000000)" : "BYTEA"))
        .load();
  }

  /**
   * Copies the template to {@code file} (the H2 database of a new data folder) when the jar
   * carries one and the file does not exist yet; says whether it did.
   */
  static boolean copyTo(Path file) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    try (InputStream in = DbTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return false;
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".template");
      Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  /** After a copied template did not match the migrations: drops everything, for a migration from scratch. */
  static void empty(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP ALL OBJECTS");
    }
  }

  /**
   * Build step: {@code DbTemplate OUTPUT_FOLDER} writes the migrated, compacted template there, and
   * beside it the migration history it was made with ({@link SchemaStamp}).
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Path db = dir.resolve("beacon.mv.db");
    Files.deleteIfExists(db);
    Path work = Files.createTempDirectory("beacon-db-template");
    try {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:file:" + work.resolve("beacon").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE");
      flyway(ds, true).migrate();
      SchemaStamp.write(ds, dir.resolve("schema.txt"));
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        st.execute("SHUTDOWN COMPACT");
      }
      Files.move(work.resolve("beacon.mv.db"), db);
    } finally {
      try (var files = Files.list(work)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(work);
    }
  }
}
