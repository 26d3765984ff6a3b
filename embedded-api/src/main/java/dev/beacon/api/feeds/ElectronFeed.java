package dev.beacon.api.feeds;

import dev.beacon.api.releases.AppVersion;
import dev.beacon.api.releases.Asker;
import dev.beacon.api.releases.Catalog;
import dev.beacon.api.releases.Channels;
import dev.beacon.api.releases.ReleaseState;
import dev.beacon.api.releases.VersionPackage;
import io.vertx.core.json.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * electron-updater's generic-provider file ({@code latest.yml} and its platform variants): the one
 * version an install should move to, with {@code files[{url, sha512, size}]}, {@code path},
 * {@code sha512} (base64), {@code releaseDate}, {@code releaseNotes}, {@code minimumSystemVersion}.
 * With the install's {@code x-user-staging-id} Beacon decides (rollout buckets, halts, channels)
 * and leaves {@code stagingPercentage} out; without it the newest released or rolling version is
 * answered with {@code stagingPercentage} = its rollout and the client decides. Scalars are written
 * as JSON strings, which YAML reads as double-quoted scalars.
 */
final class ElectronFeed {
  private ElectronFeed() {}

  /** The version and package to answer, or empty when there is none. */
  static Optional<Catalog.Build> choose(Catalog catalog, FeedFile f, Asker asker) {
    for (Catalog.Build b : catalog.builds()) {
      AppVersion v = b.version();
      if (!Channels.serves(v.channel, f.channel()) || PackagePick.pick(b, f).isEmpty()) {
        continue;
      }
      ReleaseState s = v.releaseState();
      boolean offer = asker.machineId() != null ? asker.offerable(v) : s == ReleaseState.RELEASED || s == ReleaseState.ROLLING;
      if (offer) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  static String write(Catalog.Build b, FeedFile f, boolean decided, UnaryOperator<String> absolute) {
    AppVersion v = b.version();
    VersionPackage p = PackagePick.pick(b, f).orElseThrow();
    String url = absolute.apply(p.url);
    String sha512 = Hashes.base64(p.sha512);
    StringBuilder y = new StringBuilder();
    y.append("version: ").append(q(v.name)).append('\n');
    y.append("files:\n");
    y.append("  - url: ").append(q(url)).append('\n');
    y.append("    sha512: ").append(q(sha512)).append('\n');
    if (p.size != null) {
      y.append("    size: ").append(p.size).append('\n');
    }
    y.append("path: ").append(q(url)).append('\n');
    y.append("sha512: ").append(q(sha512)).append('\n');
    y.append("releaseDate: ").append(q(DateTimeFormatter.ISO_INSTANT.format(released(v)))).append('\n');
    y.append("releaseName: ").append(q(v.name)).append('\n');
    if (v.desc != null) {
      y.append("releaseNotes: ").append(q(v.desc)).append('\n');
    }
    if (v.minSystemVersion != null) {
      y.append("minimumSystemVersion: ").append(q(v.minSystemVersion)).append('\n');
    }
    if (!decided && v.releaseState() == ReleaseState.ROLLING) {
      y.append("stagingPercentage: ").append(v.rollout).append('\n');
    }
    if (v.forceUpdate) {
      // not read by electron-updater; the app may read it from the update info and install at once
      y.append("critical: true\n");
    }
    return y.toString();
  }

  private static Instant released(AppVersion v) {
    return v.releasedAt != null ? v.releasedAt : v.updatedAt;
  }

  /** A YAML double-quoted scalar (a JSON string is one). */
  private static String q(String s) {
    return Json.encode(s);
  }
}
