package dev.beacon.desktop.server;

import dev.beacon.desktop.shell.ConsoleSettings;
import dev.beacon.desktop.shell.LogTail;
import dev.beacon.desktop.shell.ServerLifecycle;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The server screen's own state beyond {@link ServerLifecycle}: the database's size on disk, the
 * settings applied on restart (port, self-registration), and the log tail. FX thread.
 */
public final class ServerModel {
  private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ConsoleContext ctx;
  private final ServerLifecycle status;
  private final LongProperty dbBytes = new SimpleLongProperty(this, "dbBytes", -1);
  private final StringProperty port = new SimpleStringProperty(this, "port", "");
  private final BooleanProperty selfRegistration = new SimpleBooleanProperty(this, "selfRegistration");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final StringProperty saved = new SimpleStringProperty(this, "saved", "");
  private final StringProperty log = new SimpleStringProperty(this, "log", "");
  private long logSeen = -1;

  public ServerModel(ConsoleContext ctx, ServerLifecycle status) {
    this.ctx = ctx;
    this.status = status;
  }

  /** Loads the saved settings and measures the database (in the background). */
  public void load() {
    if (status.remoteProperty().get()) {
      return;
    }
    Path data = status.options().dataDir();
    Background.run(ctx, () -> {
      ConsoleSettings s = ConsoleSettings.load(data);
      return new Loaded(s.get(ConsoleSettings.SERVER_PORT, ""), s.selfRegistration(), folderSize(data.resolve("db")));
    }, l -> {
      port.set(l.port());
      selfRegistration.set(l.selfRegistration());
      dbBytes.set(l.dbBytes());
    }, busy, problem);
  }

  private record Loaded(String port, boolean selfRegistration, long dbBytes) {}

  /** Saves the settings and restarts the embedded server with them. */
  public void saveAndRestart() {
    String p = port.get() == null ? "" : port.get().trim();
    if (!p.isEmpty()) {
      try {
        int n = Integer.parseInt(p);
        if (n < 1 || n > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problem.set("The port must be a number between 1 and 65535, or empty for the default.");
        return;
      }
    }
    Path data = status.options().dataDir();
    Map<String, String> values = new HashMap<>();
    values.put(ConsoleSettings.SERVER_PORT, p.isEmpty() ? null : p);
    values.put(ConsoleSettings.SELF_REGISTRATION, Boolean.toString(selfRegistration.get()));
    Background.run(ctx, () -> {
      ConsoleSettings.load(data).save(values);
      return true;
    }, ok -> {
      saved.set(status.options().portChosen() && !p.isEmpty()
          ? "Saved. The --port given on the command line still wins while it is there." : "Saved; the server restarts.");
      status.restart();
    }, busy, problem);
  }

  /** Reads the log tail when it has changed. */
  public void refreshLog() {
    LogTail tail = LogTail.get();
    if (tail.total() != logSeen) {
      logSeen = tail.total();
      log.set(String.join("\n", tail.lines()));
    }
  }

  /** The time since {@code startedAt} (the server's {@code yyyy-MM-dd HH:mm:ss}), e.g. "2 h 5 min"; empty if unknown. */
  public static String uptime(String startedAt, LocalDateTime now) {
    if (startedAt == null || startedAt.isBlank()) {
      return "";
    }
    try {
      Duration d = Duration.between(LocalDateTime.parse(startedAt.trim(), SERVER_TIME), now);
      if (d.isNegative()) {
        d = Duration.ZERO;
      }
      long days = d.toDays();
      long h = d.toHoursPart();
      long m = d.toMinutesPart();
      return days > 0 ? days + " d " + h + " h" : h > 0 ? h + " h " + m + " min" : m > 0 ? m + " min" : d.toSecondsPart() + " s";
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  public static String uptimeNow(String startedAt) {
    return uptime(startedAt, LocalDateTime.now(ZoneId.systemDefault()));
  }

  /** Bytes in a folder, recursively; 0 when missing. Blocking. */
  static long folderSize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  /** "12.3 MB" and the like. */
  public static String bytes(long n) {
    if (n < 0) {
      return "";
    }
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  public LongProperty dbBytesProperty() { return dbBytes; }
  public StringProperty portProperty() { return port; }
  public BooleanProperty selfRegistrationProperty() { return selfRegistration; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
  public StringProperty savedProperty() { return saved; }
  public StringProperty logProperty() { return log; }

  /** The server's API docs (Swagger UI) for its base URL, or empty while there is none. */
  public static String apiDocsUrl(String baseUrl) {
    if (baseUrl == null || baseUrl.isEmpty()) {
      return "";
    }
    return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/docs";
  }
}
