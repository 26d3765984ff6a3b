package dev.beacon.api.releases;

/**
 * Packages and history rows point at an app version or a module version through one of two
 * columns; which one follows from the version's kind ({@link PackagedVersion#moduleVersion()}).
 */
final class VersionLinks {
  private VersionLinks() {}

  /** The entity property of {@link VersionPackage} and {@link VersionChange} that names this kind of version. */
  static String property(PackagedVersion v) {
    return v.moduleVersion() ? "moduleVersionId" : "appVersionId";
  }

  static void link(PackagedVersion v, VersionPackage p) {
    if (v.moduleVersion()) {
      p.moduleVersionId = v.versionId;
    } else {
      p.appVersionId = v.versionId;
    }
  }

  static void link(PackagedVersion v, VersionChange c) {
    if (v.moduleVersion()) {
      c.moduleVersionId = v.versionId;
    } else {
      c.appVersionId = v.versionId;
    }
  }
}
