package dev.beacon.api.files;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Ids;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder uploads live in, {@code DATA/files} (or {@code --files}). An upload is written to its
 * {@code .incoming} folder and moved into place atomically once complete, so a stored name never
 * shows a partial file, to this instance or another sharing the folder. Blocking methods: call them
 * off the event loop.
 */
final class FileStore {
  /** The folder of the data folder that holds the files (unless {@code --files} names another). */
  static final String FOLDER = "files";

  /** How long an upload in a shared folder's incoming folder may go unwritten before it counts as abandoned. */
  static final java.time.Duration ABANDONED = java.time.Duration.ofHours(1);

  private final Path root;
  private final Path incoming;

  /** The store of the folder {@code root} ({@code DATA/files}, or {@code --files}). */
  FileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.incoming = root.resolve(".incoming");
  }

  /** Creates the folders and removes what an interrupted run left in the incoming folder. */
  void prepare() throws IOException {
    prepare(false);
  }

  /**
   * Creates the folders and removes what an interrupted run left in the incoming folder: all of it,
   * or when other instances share the folder ({@code shared}), only what nobody wrote to for
   * {@link #ABANDONED} (an upload in progress elsewhere keeps writing to its file).
   */
  void prepare(boolean shared) throws IOException {
    Files.createDirectories(incoming);
    java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(ABANDONED));
    try (DirectoryStream<Path> left = Files.newDirectoryStream(incoming)) {
      for (Path p : left) {
        try {
          if (!shared || Files.getLastModifiedTime(p).compareTo(before) < 0) {
            Files.deleteIfExists(p);
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          // finished or removed by another instance meanwhile
        }
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
