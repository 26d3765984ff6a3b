package dev.beacon.desktop.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The console's own choices for a data folder, kept in {@code DATA/console.properties} (readable by
 * the owner only). Blocking file I/O: use it from a background task.
 */
public final class ConsoleSettings {
  public static final String FILE = "console.properties";
  static final String LAN = "lan.allowed";

  private final Path file;
  private final Properties values;

  private ConsoleSettings(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  public static ConsoleSettings load(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return new ConsoleSettings(file, p);
  }

  /** Whether LAN clients may reach the server: {@code null} until the user has answered. */
  public Boolean lanAllowed() {
    String v = values.getProperty(LAN);
    return v == null ? null : Boolean.valueOf(v);
  }

  public void saveLanAllowed(boolean allowed) throws IOException {
    values.setProperty(LAN, Boolean.toString(allowed));
    save();
  }

  private void save() throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      values.store(w, "Beacon console settings");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
