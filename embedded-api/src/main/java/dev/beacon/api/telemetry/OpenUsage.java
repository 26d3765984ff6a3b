package dev.beacon.api.telemetry;

import dev.beacon.api.telemetry.UsageStore.Hashed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Usage in memory: per app, its machines ({@link MachineIndex}: hash to ordinal, new machines
 * numbered in the order they are first heard) and its open days ({@link OpenDay}). Heartbeats are
 * applied here by the fold, in log order; what changed since the last snapshot is marked, and
 * {@link UsageSnapshots} writes it to the database. An app's machines are read
 * ({@link MachineBlocks}) the first time one of its heartbeats is applied. Not thread-safe: the fold
 * owns it and readers hold its lock.
 */
final class OpenUsage {
  /** A machine: its hash, ordinal and first day (heard for the first time, until it is saved). */
  record NewMachine(String hash, int ordinal, LocalDate firstDay) {}

  /** One app's part of it. */
  static final class AppUsage {
    final String appId;
    /** Null until the first heartbeat applied since start. */
    MachineIndex index;
    /**
     * The app's machines so far, which is also the next ordinal. Machines are saved
     * ({@link MachineBlocks}) soon after they are first heard, the count ({@code tel_app}) with each
     * snapshot: a machine saved with an ordinal at or above the count is one a crash kept out of
     * the snapshot, and when the replay hears it again it counts as new then.
     */
    int machines;
    /** The count as the last snapshot saved it. */
    int savedCount;
    /** One past the highest ordinal saved when the index was read. */
    int savedNext;
    final List<NewMachine> unsaved = new ArrayList<>();
    final TreeMap<LocalDate, OpenDay> days = new TreeMap<>();

    AppUsage(String appId, int machines) {
      this.appId = appId;
      this.machines = machines;
      this.savedCount = machines;
    }
  }

  private final Map<String, AppUsage> apps = new HashMap<>();

  /**
   * Applies heartbeats in order: each machine gets its ordinal (a new one the first time), each
   * beat marks its machine active on its day with its version. Beats of apps deleted meanwhile are
   * dropped, and so is what memory held of those apps.
   */
  void apply(Connection c, List<Hashed> beats) throws SQLException {
    if (beats.isEmpty()) {
      return;
    }
    // first everything that reads the database, so that a failure leaves no beat half applied
    List<String> ids = beats.stream().map(Hashed::appId).distinct().toList();
    Set<String> existing = UsageStore.existingApps(c, ids);
    for (String id : ids) {
      if (existing.contains(id)) {
        loaded(c, id);
      } else {
        apps.remove(id);
      }
    }
    for (Hashed b : beats) {
      if (existing.contains(b.appId())) {
        day(c, apps.get(b.appId()), b.day());
      }
    }
    for (Hashed b : beats) {
      if (!existing.contains(b.appId())) {
        continue;
      }
      AppUsage app = apps.get(b.appId());
      int ordinal = app.index.get(b.hash());
      boolean isNew = ordinal < 0 || ordinal >= app.machines;
      if (ordinal < 0) {
        // past any machine saved ahead that is not heard again (a log restored older than the database)
        ordinal = Math.max(app.machines, app.savedNext);
        app.machines = ordinal + 1;
        app.index.put(b.hash(), ordinal);
        app.unsaved.add(new NewMachine(b.hash(), ordinal, b.day()));
      } else if (ordinal >= app.machines) {
        // saved ahead of a snapshot that a crash then cut short: heard for the first time again in the replay
        app.machines = ordinal + 1;
      }
      app.days.get(b.day()).beat(ordinal, b.version(), b.at(), isNew);
    }
  }

  /** The app's state, created (with its machine count) if memory holds nothing of it yet. */
  AppUsage app(Connection c, String appId) throws SQLException {
    AppUsage app = apps.get(appId);
    if (app == null) {
      app = new AppUsage(appId, UsageStore.machines(c, appId));
      apps.put(appId, app);
    }
    return app;
  }

  /** The app's state if memory holds any, else null. */
  AppUsage find(String appId) {
    return apps.get(appId);
  }

  Collection<AppUsage> apps() {
    return apps.values();
  }

  /** Whether anything changed since the last snapshot. */
  boolean changed() {
    return apps.values().stream().anyMatch(a -> a.machines != a.savedCount || a.days.values().stream().anyMatch(OpenDay::dirty));
  }

  /** Forgets an app (deleted). */
  void drop(String appId) {
    apps.remove(appId);
  }

  /** The machine's ordinal in the app, or -1 (only for apps whose machines are loaded). */
  int ordinal(String appId, String hash) {
    AppUsage app = apps.get(appId);
    return app == null || app.index == null ? -1 : app.index.get(hash);
  }

  /**
   * The app's open day, created if needed; a day that has a row in {@code tel_day} already (a day
   * closed before, which a heartbeat reaches late) goes on from its counts.
   */
  OpenDay day(Connection c, AppUsage app, LocalDate day) throws SQLException {
    OpenDay open = app.days.get(day);
    if (open == null) {
      open = stored(c, app.appId, day);
      app.days.put(day, open);
    }
    return open;
  }

  private AppUsage loaded(Connection c, String appId) throws SQLException {
    AppUsage app = app(c, appId);
    if (app.index == null) {
      MachineIndex index = new MachineIndex(app.machines);
      MachineBlocks.read(c, appId, m -> {
        index.put(m.hash(), m.ordinal());
        app.savedNext = Math.max(app.savedNext, m.ordinal() + 1);
      });
      app.index = index;
    }
    return app;
  }

  private static OpenDay stored(Connection c, String appId, LocalDate day) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT new_machines, last_at FROM tel_day WHERE app_id = ? AND usage_day = ?")) {
      st.setString(1, appId);
      st.setObject(2, day);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
          return new OpenDay(day, rs.getLong(1), last == null ? null : last.toInstant());
        }
      }
    }
    return new OpenDay(day, 0, (Instant) null);
  }
}
