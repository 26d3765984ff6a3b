package dev.beacon.api.backup;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.DataFolder;
import dev.beacon.api.core.Db;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Online backups of the data folder while the server runs: H2's {@code BACKUP TO} takes a
 * consistent copy of the database, and the folders the features keep data in
 * ({@link DataFolder}: uploads, the heartbeat log) are added beside it, each before or after the
 * database as it says. The zip has the data folder's own layout ({@code db/} and each folder by
 * its name), so restoring is unzipping it into an empty folder and starting Beacon with
 * {@code --data} on that folder.
 */
final class Backups {
  static final String FOLDER = "backups";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Config config;
  private final Db db;
  private final Clock clock;
  private final List<DataFolder> folders;

  Backups(Config config, Db db, Clock clock, List<DataFolder> folders) {
    this.config = config;
    this.db = db;
    this.clock = clock;
    this.folders = List.copyOf(folders);
  }

  /** A finished backup. */
  record Made(Path file, long size) {}

  /** Makes a backup in DATA/backups. Blocking: run it on a worker. */
  Made create() throws Exception {
    if (!db.isH2()) {
      throw ApiException.rule("Beacon backs up its own H2 database only; back up an external database with its tools (e.g. pg_dump)");
    }
    Path dir = config.dataDir().resolve(FOLDER);
    Files.createDirectories(dir);
    String name = "beacon-" + LocalDateTime.now(clock.withZone(java.time.ZoneId.systemDefault())).format(STAMP);
    Path file = unique(dir, name);
    Path dbZip = dir.resolve("." + file.getFileName() + ".db.tmp");
    Path part = dir.resolve("." + file.getFileName() + ".part");
    try {
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(part))) {
        addFolders(DataFolder.Copy.BEFORE_DATABASE, out);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
          st.execute("BACKUP TO '" + dbZip.toString().replace("'", "''") + "'");
        }
        copyEntries(dbZip, "db/", out);
        addFolders(DataFolder.Copy.AFTER_DATABASE, out);
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      return new Made(file, Files.size(file));
    } finally {
      Files.deleteIfExists(dbZip);
      Files.deleteIfExists(part);
    }
  }

  private static Path unique(Path dir, String name) {
    Path file = dir.resolve(name + ".zip");
    for (int i = 2; Files.exists(file); i++) {
      file = dir.resolve(name + "-" + i + ".zip");
    }
    return file;
  }

  private static void copyEntries(Path zip, String prefix, ZipOutputStream out) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.isDirectory()) {
          out.putNextEntry(new ZipEntry(prefix + e.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
  }

  private void addFolders(DataFolder.Copy when, ZipOutputStream out) throws IOException {
    for (DataFolder f : folders) {
      if (f.copy() == when) {
        addFolder(f.path(config), f.name() + "/", out);
      }
    }
  }

  private static void addFolder(Path folder, String prefix, ZipOutputStream out) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = folder.relativize(f).toString().replace('\\', '/');
        if (rel.startsWith(".")) {
          continue; // files still being written (uploads)
        }
        InputStream in;
        try {
          in = Files.newInputStream(f);
        } catch (java.nio.file.NoSuchFileException gone) {
          continue; // deleted meanwhile (a log file whose records the database holds now)
        }
        try (in) {
          out.putNextEntry(new ZipEntry(prefix + rel));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
  }
}
