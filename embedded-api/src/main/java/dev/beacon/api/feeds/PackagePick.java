package dev.beacon.api.feeds;

import dev.beacon.api.releases.Catalog;
import dev.beacon.api.releases.VersionPackage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a version's packages a feed lists: one for the feed's platform (a package for "any"
 * platform serves too, after the platform's own) and architecture (x64 also goes by amd64 and
 * x86_64, arm64 by aarch64; a package without one serves any), carrying the hashes the updater
 * checks. A package without them is left out: the updater would refuse it.
 */
final class PackagePick {
  private PackagePick() {}

  /** The hashes each updater needs. */
  static boolean usable(FeedFile.Kind kind, VersionPackage p) {
    return switch (kind) {
      case ELECTRON -> p.sha512 != null;
      case VELOPACK -> p.sha1 != null && p.sha256 != null;
      case SPARKLE -> true;
    };
  }

  static Optional<VersionPackage> pick(Catalog.Build b, FeedFile f) {
    List<VersionPackage> fitting = b.packages().stream()
        .filter(p -> f.platform() == null || p.platform.equals(f.platform()) || p.platform.equals(Catalog.ANY))
        .filter(p -> f.arch() == null || p.arch == null || arch(p.arch).equals(f.arch()))
        .filter(p -> usable(f.kind(), p))
        .toList();
    return fitting.stream().min(Comparator
        .comparingInt((VersionPackage p) -> p.platform.equals(Catalog.ANY) ? 1 : 0)
        // electron-updater on macOS installs from a .zip
        .thenComparingInt(p -> f.kind() == FeedFile.Kind.ELECTRON && "macos".equals(f.platform())
            && !p.url.toLowerCase(Locale.ROOT).endsWith(".zip") ? 1 : 0)
        .thenComparingInt(p -> f.arch() != null && p.arch == null ? 1 : 0)
        .thenComparingInt(p -> p.position));
  }

  static String arch(String a) {
    return switch (a) {
      case "amd64", "x86_64" -> "x64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }
}
