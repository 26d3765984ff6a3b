package dev.beacon.desktop.shell;

import dev.beacon.desktop.ui.OwnerOnlyFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The console's own choices for a data folder, kept in {@code DATA/console.properties} (readable by
 * the owner only). Blocking file I/O: use it from a background task.
 */
public final class ConsoleSettings {
  public static final String FILE = "console.properties";
  static final String LAN = "lan.allowed";

  private static final Object LOCK = new Object();

  private final Path file;
  private final Properties values;
  /** What this instance set, merged into the file as it is when saving (other instances save other keys). */
  private final Properties changed = new Properties();

  private ConsoleSettings(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  public static ConsoleSettings load(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    synchronized (LOCK) {
      return new ConsoleSettings(file, read(file));
    }
  }

  private static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }

  /** A value as loaded (or set since), or {@code fallback}. */
  public String get(String key, String fallback) {
    return values.getProperty(key, fallback);
  }

  /** Sets values (a null value removes the key) and saves them, keeping what other instances saved meanwhile. */
  public void save(java.util.Map<String, String> update) throws IOException {
    update.forEach((k, v) -> {
      if (v == null) {
        values.remove(k);
        changed.setProperty(k, "\u0000");
      } else {
        values.setProperty(k, v);
        changed.setProperty(k, v);
      }
    });
    save();
  }

  /** The port the user chose on the server screen, or null. */
  public static final String SERVER_PORT = "server.port";
  /** Whether anyone may register a developer account. */
  public static final String SELF_REGISTRATION = "server.selfRegistration";

  /**
   * The options to start the server with: a port chosen on the server screen replaces the default
   * one (still falling back to a free port when busy); a port from the command line wins.
   */
  public ConsoleOptions serverOptions(ConsoleOptions given) {
    String p = values.getProperty(SERVER_PORT);
    if (given.portChosen() || p == null || p.isBlank()) {
      return given;
    }
    try {
      return new ConsoleOptions(given.dataDir(), Integer.parseInt(p.trim()), false, given.server());
    } catch (IllegalArgumentException e) {
      return given; // a hand-edited bad value: the default port
    }
  }

  public boolean selfRegistration() {
    return Boolean.parseBoolean(values.getProperty(SELF_REGISTRATION, "false"));
  }

  /** Whether LAN clients may reach the server: {@code null} until the user has answered. */
  public Boolean lanAllowed() {
    String v = values.getProperty(LAN);
    return v == null ? null : Boolean.valueOf(v);
  }

  public void saveLanAllowed(boolean allowed) throws IOException {
    save(java.util.Map.of(LAN, Boolean.toString(allowed)));
  }

  private void save() throws IOException {
    synchronized (LOCK) {
      Properties now = read(file);
      changed.forEach((k, v) -> {
        if ("\u0000".equals(v)) {
          now.remove(k);
        } else {
          now.put(k, v);
        }
      });
      write(now);
    }
  }

  private void write(Properties all) throws IOException {
    StringWriter w = new StringWriter();
    all.store(w, "Beacon console settings");
    OwnerOnlyFile.write(file, w.toString());
  }
}
