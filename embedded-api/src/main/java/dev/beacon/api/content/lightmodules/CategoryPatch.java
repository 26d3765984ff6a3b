package dev.beacon.api.content.lightmodules;

import dev.beacon.api.content.Text;
import dev.beacon.api.core.Body;

/** The fields an admin sends to create or edit a light-module category; {@code null} means "not sent". */
record CategoryPatch(String name, String docId, Integer type) {
  private static final int ID_MAX = 64;

  /** POST: name and docId are required, type (1 ordinary, 2 featured) optional. */
  static CategoryPatch forCreate(Body b) {
    return new CategoryPatch(b.requiredString("name", LightModuleCategory.NAME_MAX).trim(),
        b.requiredString("docId", ID_MAX).trim(), LightModule.TYPES.checkOptional(b.optionalInt("type")));
  }

  /** PUT: every field optional, none blank. */
  static CategoryPatch forUpdate(Body b) {
    return new CategoryPatch(Text.trim(b.optionalNonBlank("name", LightModuleCategory.NAME_MAX)),
        Text.trim(b.optionalNonBlank("docId", ID_MAX)), LightModule.TYPES.checkOptional(b.optionalInt("type")));
  }
}
