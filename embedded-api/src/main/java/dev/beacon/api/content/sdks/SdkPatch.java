package dev.beacon.api.content.sdks;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Body;

/**
 * The fields an admin sends to create or edit an SDK. The seed writes the numeric fields as
 * strings ({@code "authority":"0"}); numbers are accepted too. {@code null} means "not sent".
 */
record SdkPatch(String name, String provider, Integer authority, String desc, Integer platform, Integer type, String version) {
  /** POST: name, provider, authority, platform and type are required. */
  static SdkPatch forCreate(Body b) {
    return new SdkPatch(
        b.requiredString("name", Sdk.NAME_MAX).trim(),
        b.requiredString("provider", Sdk.NAME_MAX).trim(),
        Sdk.AUTHORITIES.check(b.requiredInt("authority")),
        b.optionalString("desc", Sdk.DESC_MAX),
        Sdk.PLATFORMS.check(b.requiredInt("platform")),
        Sdk.TYPES.check(b.requiredInt("type")),
        Text.trim(b.optionalString("version", Sdk.VERSION_MAX)));
  }

  /** PUT: every field optional; a sent name or provider cannot be blank. */
  static SdkPatch forUpdate(Body b) {
    return new SdkPatch(
        Text.trim(b.optionalNonBlank("name", Sdk.NAME_MAX)),
        Text.trim(b.optionalNonBlank("provider", Sdk.NAME_MAX)),
        Sdk.AUTHORITIES.checkOptional(b.optionalInt("authority")),
        b.optionalString("desc", Sdk.DESC_MAX),
        Sdk.PLATFORMS.checkOptional(b.optionalInt("platform")),
        Sdk.TYPES.checkOptional(b.optionalInt("type")),
        Text.trim(b.optionalString("version", Sdk.VERSION_MAX)));
  }
}
