package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;

/**
 * The fields a developer sends to create or edit an app. {@code null} means "not sent"; on edit,
 * a sent name, icon or desc cannot be blank, and a sent platform must be the app's own.
 */
record AppPatch(String name, Integer platform, String desc, String icon, String timeZone) {
  static final int NAME_MAX = 255;
  static final int TIME_ZONE_MAX = 64;
  static final int DESC_MAX = 4000;
  static final int ICON_MAX = 2000;

  /** POST: name and platform are required, desc and icon optional. */
  static AppPatch forCreate(Body b) {
    String name = b.requiredString("name", NAME_MAX).trim();
    int platform = b.requiredInt("platform");
    checkPlatform("platform", platform);
    return new AppPatch(name, platform, blankToNull(b.optionalString("desc", DESC_MAX)), blankToNull(b.optionalString("icon", ICON_MAX)),
        timeZone(b.optionalString("timeZone", TIME_ZONE_MAX)));
  }

  /** PUT: every field optional, none blank. */
  static AppPatch forUpdate(Body b) {
    String name = b.optionalNonBlank("name", NAME_MAX);
    Integer platform = b.optionalInt("platform");
    if (platform != null) {
      checkPlatform("platform", platform);
    }
    return new AppPatch(name == null ? null : name.trim(), platform, b.optionalNonBlank("desc", DESC_MAX), b.optionalNonBlank("icon", ICON_MAX),
        timeZone(b.optionalString("timeZone", TIME_ZONE_MAX)));
  }

  /** 4000 unless the value is 1 (Android), 2 (iOS) or 3 (hybrid). */
  static void checkPlatform(String field, int platform) {
    if (platform < App.ANDROID || platform > App.HYBRID) {
      throw ApiException.badParameter(field + " must be 1 (Android), 2 (iOS) or 3 (hybrid), got " + platform);
    }
  }

  /**
   * A time zone as an IANA region id ({@code Europe/Paris}) or {@code UTC}; 4000 for anything else.
   * {@code null} or blank is "not sent". Fixed offsets are refused: they ignore daylight saving.
   */
  static String timeZone(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String id = text.trim();
    if (!id.equals("UTC") && !java.time.ZoneId.getAvailableZoneIds().contains(id)) {
      throw ApiException.badParameter("timeZone must be an IANA time zone such as Europe/Paris or UTC, got '" + id + "'");
    }
    return id;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
