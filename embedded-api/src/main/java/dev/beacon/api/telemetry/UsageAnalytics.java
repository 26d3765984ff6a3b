package dev.beacon.api.telemetry;

import dev.beacon.api.apps.AppDirectory;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.telemetry.ingest.Beat;
import dev.beacon.api.telemetry.ingest.HeartbeatIngest;
import dev.beacon.api.telemetry.stats.UsageStats;
import dev.beacon.api.telemetry.store.DayBitmaps;
import dev.beacon.api.telemetry.store.OlderLayouts;
import dev.beacon.api.telemetry.store.UsageFold;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage analytics as one thing for {@link TelemetryFeature}: the ingest ({@code ingest}), the
 * storage engine ({@code store}) and the stats queries ({@code stats}) of one server, put together
 * and started. Apps are read only through the apps' {@link AppDirectory}.
 */
final class UsageAnalytics {
  private static final Logger LOG = LoggerFactory.getLogger(UsageAnalytics.class);
  /** The memory the decoded day bitmaps may take (a day of a million machines is at most 128 KB). */
  static final long BITMAP_CACHE_BYTES = 64L * 1024 * 1024;

  private final ServerContext sc;
  private final AppDirectory apps;
  private final DayBitmaps bitmaps;
  private final UsageFold fold;
  private final HeartbeatIngest ingest;
  private final UsageStats stats;

  private UsageAnalytics(ServerContext sc, AppDirectory apps, DayBitmaps bitmaps, UsageFold fold) {
    this.sc = sc;
    this.apps = apps;
    this.bitmaps = bitmaps;
    this.fold = fold;
    this.ingest = new HeartbeatIngest(sc.vertx(), sc.db(), apps, fold, sc.config().heartbeatQueue());
    this.stats = new UsageStats(bitmaps, fold);
  }

  /**
   * Blocking, once before the server takes requests: carries over what older storage layouts left,
   * reads the last snapshot back and replays the heartbeat log after it, and closes the days old
   * enough. On H2 the log is in files in {@code logDir}; on PostgreSQL it is in the database, shared
   * by every Beacon on it, and only the holder of the lease {@code usage} ({@code writes}) saves
   * machines, takes snapshots and closes days.
   */
  static UsageAnalytics start(ServerContext sc, Path logDir, java.util.function.BooleanSupplier writes)
      throws SQLException, IOException {
    OlderLayouts.Carried carried = OlderLayouts.carryOver(sc.db(), logDir);
    if (carried.any()) {
      LOG.info("carried over from older layouts: {} machines, {} machine-days, {} logged heartbeats",
          carried.machines(), carried.machineDays(), carried.heartbeats());
    }
    AppDirectory apps = AppDirectory.of(sc.db());
    DayBitmaps bitmaps = new DayBitmaps(BITMAP_CACHE_BYTES);
    UsageFold fold;
    if (sc.db().isH2()) {
      fold = new UsageFold(sc.db(), logDir, bitmaps, apps);
    } else {
      fold = UsageFold.shared(sc.db(), bitmaps, apps, writes);
      int moved = fold.adoptFiles(logDir);
      if (moved > 0) {
        LOG.info("moved {} heartbeats from the log files into the database's shared log", moved);
      }
    }
    int replayed = fold.start();
    if (replayed > 0) {
      LOG.info("replayed {} logged heartbeats", replayed);
    }
    int closed = fold.closeDays(sc.now());
    if (closed > 0) {
      LOG.info("closed {} days of usage into bitmaps", closed);
    }
    return new UsageAnalytics(sc, apps, bitmaps, fold);
  }

  /** Stores a heartbeat; completes once it is logged (or fails with 401/403/429). */
  Future<Boolean> heartbeat(Beat beat) {
    return ingest.add(beat);
  }

  /** The stats queries. */
  UsageStats stats() {
    return stats;
  }

  /** Closes the days old enough now (blocking); answers how many. */
  int closeDays() throws SQLException {
    return fold.closeDays(sc.now());
  }

  /** Folds and writes a snapshot (blocking). */
  void snapshot() throws SQLException {
    fold.snapshot();
  }

  /** No more background folds, no more notices of app changes: the server is stopping. Does not block. */
  void stop() {
    fold.stop();
    ingest.close();
  }

  /** Blocking, at a clean stop: a last snapshot. */
  void close() throws SQLException, IOException {
    fold.close();
  }

  /** The bulk loader on this storage (the analytics benchmark). */
  UsageLoad load() {
    return new UsageLoad(sc.db(), apps, fold, bitmaps);
  }

  /** The storage engine (tests look into it). */
  UsageFold fold() {
    return fold;
  }
}
