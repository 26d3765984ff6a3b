package dev.beacon.api;

import dev.beacon.api.alerts.AlertsFeature;
import dev.beacon.api.alerts.VersionHealth;
import dev.beacon.api.apps.AppsFeature;
import dev.beacon.api.auth.AuthFeature;
import dev.beacon.api.backup.BackupFeature;
import dev.beacon.api.content.ContentFeature;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.Feature;
import dev.beacon.api.errors.ErrorsFeature;
import dev.beacon.api.feeds.FeedsFeature;
import dev.beacon.api.files.FilesFeature;
import dev.beacon.api.health.HealthFeature;
import dev.beacon.api.modules.ModulesFeature;
import dev.beacon.api.releases.ReleasesFeature;
import dev.beacon.api.sentry.SentryFeature;
import dev.beacon.api.telemetry.TelemetryFeature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The composition root: the features a Beacon server runs, and the one way to start a server with
 * them (the headless {@link Main}, the desktop console, tests and benchmarks). The order is the
 * order of their start and stop; guards and limits follow from how each route is declared.
 */
public final class Beacon {
  private Beacon() {}

  /** A new instance of every standard feature. */
  public static List<Feature> features() {
    TelemetryFeature telemetry = new TelemetryFeature();
    ErrorsFeature errors = new ErrorsFeature();
    ReleasesFeature releases = new ReleasesFeature(telemetry.installs());
    ModulesFeature modules = new ModulesFeature();
    SentryFeature sentry = new SentryFeature(errors, telemetry.installs());
    HealthFeature health = new HealthFeature(telemetry.versionUsage(), errors.versionErrors(), sentry.sessionHealth(), modules.moduleMachines());
    return List.of(
        new AuthFeature(),
        new AppsFeature(),
        releases,
        modules,
        new FilesFeature(),
        telemetry,
        errors,
        sentry,
        new BackupFeature(),
        new ContentFeature(),
        new FeedsFeature(telemetry.installs()),
        health,
        new AlertsFeature(errors, releases.control(), (appId, versionId) -> health.releaseHealth().lastDay(appId, versionId)
            .map(f -> new VersionHealth.Figures(f.machines(), f.errorMachines(), f.errorFreeRate(), f.crashFreeMachines()))));
  }

  /** Starts a server with the standard features on the given Vert.x instance. */
  public static Future<BeaconServer> start(Vertx vertx, Config config) {
    return BeaconServer.start(vertx, config, features());
  }

  /** Starts a server with the standard features and its own Vert.x instance, and waits until it listens. */
  public static BeaconServer startBlocking(Config config) throws Exception {
    return BeaconServer.startBlocking(config, features());
  }
}
