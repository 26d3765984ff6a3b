package dev.beacon.api.content.sdks;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Body;

/**
 * The fields an admin sends to create or edit a resource. {@code null} means "not sent"; on edit
 * an empty {@code sdkId} or {@code docId} removes it. Whether the result is whole (type 3 needs an
 * SDK, type 2 a doc) is checked on the merged resource.
 */
record ResourcePatch(String name, Integer type, String sdkId, String docId, String url) {
  private static final int ID_MAX = 64;

  /** POST: name, type and url are required; sdkId and docId as the type needs. */
  static ResourcePatch forCreate(Body b) {
    return new ResourcePatch(
        b.requiredString("name", SdkResource.NAME_MAX).trim(),
        SdkResource.TYPES.check(b.requiredInt("type")),
        Text.trim(b.optionalString("sdkId", ID_MAX)),
        Text.trim(b.optionalString("docId", ID_MAX)),
        b.requiredString("url", SdkResource.URL_MAX).trim());
  }

  /** PUT: every field optional (the seed marks type required; the stored type is kept when absent). */
  static ResourcePatch forUpdate(Body b) {
    return new ResourcePatch(
        Text.trim(b.optionalNonBlank("name", SdkResource.NAME_MAX)),
        SdkResource.TYPES.checkOptional(b.optionalInt("type")),
        Text.trim(b.optionalString("sdkId", ID_MAX)),
        Text.trim(b.optionalString("docId", ID_MAX)),
        Text.trim(b.optionalNonBlank("url", SdkResource.URL_MAX)));
  }
}
