package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The fields a developer sends to create or edit an app. {@code null} means "not sent"; on edit,
 * a sent name, icon or desc cannot be blank, and a sent platform must be the app's own.
 */
record AppPatch(String name, Integer platform, String desc, String icon) {
  static final int NAME_MAX = 255;
  static final int DESC_MAX = 4000;
  static final int ICON_MAX = 2000;

  /** POST: name and platform are required, desc and icon optional. */
  static AppPatch forCreate(Body b) {
    String name = b.requiredString("name", NAME_MAX).trim();
    int platform = b.requiredInt("platform");
    checkPlatform("platform", platform);
    return new AppPatch(name, platform, blankToNull(b.optionalString("desc", DESC_MAX)), blankToNull(b.optionalString("icon", ICON_MAX)));
  }

  /** PUT: every field optional, none blank. */
  static AppPatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", NAME_MAX);
    Integer platform = b.optionalInt("platform");
    if (platform != null) {
      checkPlatform("platform", platform);
    }
    return new AppPatch(name == null ? null : name.trim(), platform, b.optionalNonBlank("desc", DESC_MAX), b.optionalNonBlank("icon", ICON_MAX));
  }

  /** 4000 unless the value is 1 (Android), 2 (iOS) or 3 (hybrid). */
  static void checkPlatform(String field, int platform) {
    if (platform < App.ANDROID || platform > App.HYBRID) {
      throw ApiException.badParameter(field + " must be 1 (Android), 2 (iOS) or 3 (hybrid), got " + platform);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
