package dev.beacon.api.content.lightmodules;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Body;

/**
 * The fields an admin sends to create or edit a light module; {@code null} means "not sent". The
 * seed sends ids as numbers in its sample ({@code "moduleCategoryId":11}): they are taken as text.
 */
record LightModulePatch(String name, String categoryId, String sdkId, String picUrl, String docId, String desc, Integer type) {
  private static final int ID_MAX = 64;

  /** POST: name, moduleCategoryId, sdkId, picUrl and docId are required; desc and type optional. */
  static LightModulePatch forCreate(Body b) {
    return new LightModulePatch(
        b.requiredString("name", LightModule.NAME_MAX).trim(),
        b.requiredString("moduleCategoryId", ID_MAX).trim(),
        b.requiredString("sdkId", ID_MAX).trim(),
        b.requiredString("picUrl", LightModule.PIC_MAX).trim(),
        b.requiredString("docId", ID_MAX).trim(),
        b.optionalString("desc", LightModule.DESC_MAX),
        LightModule.TYPES.checkOptional(b.optionalInt("type")));
  }

  /** PUT: every field optional (the seed marks them required; what is absent is kept), none blank. */
  static LightModulePatch forUpdate(Body b) {
    return new LightModulePatch(
        Text.trim(b.optionalNonBlank("name", LightModule.NAME_MAX)),
        Text.trim(b.optionalNonBlank("moduleCategoryId", ID_MAX)),
        Text.trim(b.optionalNonBlank("sdkId", ID_MAX)),
        Text.trim(b.optionalNonBlank("picUrl", LightModule.PIC_MAX)),
        Text.trim(b.optionalNonBlank("docId", ID_MAX)),
        b.optionalString("desc", LightModule.DESC_MAX),
        LightModule.TYPES.checkOptional(b.optionalInt("type")));
  }
}
