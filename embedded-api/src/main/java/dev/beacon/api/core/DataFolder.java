package dev.beacon.api.core;

/**
 * A folder of the data folder where a feature keeps data outside the database
 * ({@link Feature#dataFolders()}); backups copy it, with the database, in the order {@link Copy}
 * says.
 *
 * @param name the folder's name in the data folder, also its name in a backup
 * @param hosted whether it holds the hosted files, which live in {@code --files} when that is given
 *     ({@link Config#filesDir()}: a folder that several instances share) instead of the data folder
 */
public record DataFolder(String name, Copy copy, boolean hosted) {
  /** When a consistent backup copies the folder, relative to the database's copy. */
  public enum Copy {
    /**
     * Before the database: the folder holds records that the database takes over later, removing
     * them from the folder (a log), so that each is in the folder's copy or the database's.
     */
    BEFORE_DATABASE,
    /**
     * After the database: the database refers to the folder's files (uploads), so that every file
     * the database's copy names is in the folder's copy.
     */
    AFTER_DATABASE
  }

  public DataFolder {
    if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("a data folder is one plain name: " + name);
    }
  }

  public DataFolder(String name, Copy copy) {
    this(name, copy, false);
  }

  /** The folder on disk: {@code DATA/name}, or {@code --files} for the hosted files when given. */
  public java.nio.file.Path path(Config config) {
    return hosted && config.filesDir() != null ? config.filesDir() : config.dataDir().resolve(name);
  }

  /** The folder of the hosted files (copied after the database); {@code --files} when given. */
  public static DataFolder hostedFiles(String name) {
    return new DataFolder(name, Copy.AFTER_DATABASE, true);
  }

  public static DataFolder beforeDatabase(String name) {
    return new DataFolder(name, Copy.BEFORE_DATABASE);
  }

  public static DataFolder afterDatabase(String name) {
    return new DataFolder(name, Copy.AFTER_DATABASE);
  }
}
