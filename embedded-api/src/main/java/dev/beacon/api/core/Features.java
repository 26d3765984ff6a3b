package dev.beacon.api.core;

import dev.beacon.api.apps.AppsFeature;
import dev.beacon.api.auth.AuthFeature;
import dev.beacon.api.backup.BackupFeature;
import dev.beacon.api.content.ContentFeature;
import dev.beacon.api.errors.ErrorsFeature;
import dev.beacon.api.releases.ReleasesFeature;
import dev.beacon.api.telemetry.TelemetryFeature;
import java.util.List;

/** The features a Beacon server runs, in mounting order (auth first: its guards front the rest). */
final class Features {
  private Features() {}

  static List<Feature> all() {
    return List.of(
        new AuthFeature(),
        new AppsFeature(),
        new ReleasesFeature(),
        new TelemetryFeature(),
        new ErrorsFeature(),
        new BackupFeature(),
        new ContentFeature());
  }
}
