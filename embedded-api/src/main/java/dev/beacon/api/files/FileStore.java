package dev.beacon.api.files;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder uploads live in, {@code DATA/files}. An upload is written to
 * {@code DATA/files/.incoming} and moved into place atomically once complete, so a stored name
 * never shows a partial file. Blocking methods: call them off the event loop.
 */
final class FileStore {
  /** The folder of the data folder that holds the files. */
  static final String FOLDER = "files";

  private final Path root;
  private final Path incoming;

  FileStore(Path dataDir) {
    this.root = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
    this.incoming = root.resolve(".incoming");
  }

  /** Creates the folders and removes what an interrupted run left in the incoming folder. */
  void prepare() throws IOException {
    Files.createDirectories(incoming);
    try (DirectoryStream<Path> left = Files.newDirectoryStream(incoming)) {
      for (Path p : left) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A fresh temporary path for an upload in progress. */
  Path newTemp() {
    return incoming.resolve(Ids.randomHex(16) + ".part");
  }

  /**
   * The path of a stored name: 4000 unless the name has the server-made shape, so nothing
   * outside the folder can be named ("../", "..\", absolute paths, NUL ...).
   */
  Path path(String name) {
    if (!FileNames.isStored(name)) {
      throw ApiException.badParameter("'" + abbreviate(name) + "' is not the name of a file stored by Beacon");
    }
    Path p = root.resolve(name).normalize();
    if (!root.equals(p.getParent())) {
      throw ApiException.badParameter("'" + abbreviate(name) + "' is not the name of a file stored by Beacon");
    }
    return p;
  }

  /** Moves a complete upload into place under its stored name. */
  void moveIntoPlace(Path temp, String name) throws IOException {
    Files.move(temp, path(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a stored file; whether it was there. */
  boolean delete(String name) throws IOException {
    return Files.deleteIfExists(path(name));
  }

  Path root() {
    return root;
  }

  private static String abbreviate(String s) {
    String printable = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
  }
}
