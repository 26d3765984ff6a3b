package dev.beacon.api.releases;

import dev.beacon.api.core.Body;
import dev.beacon.api.files.FileRef;

/**
 * What a developer sends to create or edit an app version: the fields every version has, plus
 * the app-only platforms and forceUpdate. {@code null} means "not sent"; platforms "" clears them.
 */
record VersionPatch(PackagePatch pkg, String platforms, Boolean forceUpdate) {
  /** POST: name, code, url and md5 are required (as the seed says) unless an uploaded file is named. */
  static VersionPatch forCreate(Body b, FileRef file) {
    PackagePatch pkg = PackagePatch.forCreate(b, file, true);
    Boolean force = b.optionalBoolean("forceUpdate");
    return new VersionPatch(pkg, Platforms.normalize("platforms", b.value("platforms")), force != null && force);
  }

  /** PUT: every field optional. */
  static VersionPatch forUpdate(Body b, FileRef file) {
    return new VersionPatch(PackagePatch.forUpdate(b, file),
        b.has("platforms") ? Platforms.normalize("platforms", b.value("platforms")) : null,
        b.optionalBoolean("forceUpdate"));
  }

  /** Writes the sent app-only fields into the version. */
  void applyExtrasTo(AppVersion v) {
    if (platforms != null) {
      v.platforms = PackagePatch.emptyToNull(platforms);
    }
    if (forceUpdate != null) {
      v.forceUpdate = forceUpdate;
    }
  }
}
