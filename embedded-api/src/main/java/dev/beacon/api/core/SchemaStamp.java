package dev.beacon.api.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The migrations this build ships, as Flyway records them once applied: each version and its
 * checksum, in order. The build writes them beside the template database ({@link #RESOURCE}); at
 * start a database whose history is exactly that list is at this build's schema, and Flyway need not
 * run at all (finding, reading and checksumming every migration, then validating the history, took
 * half a second to a second of each start). Any other history (an older database to upgrade, a
 * failed or edited migration, a baseline, a table that does not exist) goes through Flyway as before,
 * which migrates or refuses it. Without the resource (classes run from an IDE) Flyway always runs.
 */
public final class SchemaStamp {
  /** Where the jar carries the list, one {@code version checksum} line per migration. */
  static final String RESOURCE = "db/template/schema.txt";

  /** Rows Flyway writes about itself (it made the history table, or the schema), not migrations. */
  private static final java.util.Set<String> MARKERS = java.util.Set.of("TABLE", "SCHEMA");

  private SchemaStamp() {}

  /** Whether the database's migration history is exactly this build's; false when it cannot tell. */
  static boolean current(DataSource ds) {
    List<String> shipped = shipped();
    if (shipped.isEmpty()) {
      return false;
    }
    try (Connection c = ds.getConnection()) {
      return shipped.equals(history(c));
    } catch (SQLException e) {
      return false; // no history table yet, or one Flyway must look at
    }
  }

  /** The lines of the resource, or none without it (or when it is older than the migrations beside it). */
  static List<String> shipped() {
    URL url = SchemaStamp.class.getClassLoader().getResource(RESOURCE);
    if (url == null || !madeAfterTheMigrations(url)) {
      return List.of();
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * In a jar the list and the migrations were built together. From a classes folder (tests, an
   * IDE) a migration compiled or copied after the build step wrote the list (a {@code mvn compile}
   * stops before it) makes the list stale: then it is not used.
   */
  private static boolean madeAfterTheMigrations(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return true;
    }
    try {
      Path stamp = Path.of(url.toURI());
      Path migrations = stamp.getParent().getParent().resolve("migration");
      FileTime made = Files.getLastModifiedTime(stamp);
      try (Stream<Path> files = Files.list(migrations)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.getLastModifiedTime(f).compareTo(made) > 0) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  /**
   * A database's history as the resource's lines: every migration in the order applied, its version
   * (none for a repeatable migration), checksum (none for a Java migration) and whether it
   * succeeded, so that a failed or extra row makes it differ.
   */
  static List<String> history(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"version\", \"checksum\", \"type\", \"success\" FROM \"flyway_schema_history\""
            + " ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        if (MARKERS.contains(rs.getString(3))) {
          continue;
        }
        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + (rs.getBoolean(4) ? "" : " failed"));
      }
    }
    return out;
  }

  /** Build step (after the template's migrations): writes the history of {@code ds} to {@code file}. */
  static void write(DataSource ds, Path file) throws SQLException, IOException {
    try (Connection c = ds.getConnection()) {
      Files.write(file, history(c), StandardCharsets.UTF_8);
    }
  }
}
