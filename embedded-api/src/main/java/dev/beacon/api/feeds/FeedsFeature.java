package dev.beacon.api.feeds;

import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import dev.beacon.api.telemetry.Installs;
import java.util.List;

/**
 * Update feeds for the updaters small vendors use, built from the same releases as the version
 * check and the upgrades: Sparkle's appcast, electron-updater's {@code latest.yml} family and
 * Velopack's {@code releases.{channel}.json}, under {@code /feeds/{appKey}/}; and the developer's
 * view of an app's feeds.
 */
public final class FeedsFeature implements Feature {
  private final Installs installs;

  /** @param installs usage's view of installed clients: halted versions, and feed requests counted as usage */
  public FeedsFeature(Installs installs) {
    this.installs = installs;
  }

  @Override
  public List<Class<?>> entities() {
    return List.of(FeedSettings.class);
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    new FeedRoutes(ctx.db(), installs).mount(routes);
    new FeedSettingsRoutes(ctx.db()).mount(routes);
  }
}
