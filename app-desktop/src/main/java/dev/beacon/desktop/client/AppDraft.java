package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;

/**
 * What a create or edit of an app sends: the name, the platform (on create only: it cannot be
 * edited) and the description and icon when filled in (the server keeps the old ones otherwise, so
 * an edit cannot blank them).
 */
public record AppDraft(String name, Integer platform, String desc, String icon) {
  /** A draft from a form's fields, trimmed; blank description and icon are left out. */
  public static AppDraft of(String name, Integer platform, String desc, String icon) {
    return new AppDraft(name == null ? "" : name.trim(), platform, Json.blankToNull(desc), Json.blankToNull(icon));
  }

  /** The request body; {@code withPlatform} false for an edit. */
  JsonObject json(boolean withPlatform) {
    JsonObject j = new JsonObject().put("name", name);
    if (withPlatform && platform != null) {
      j.put("platform", platform);
    }
    if (desc != null) {
      j.put("desc", desc);
    }
    if (icon != null) {
      j.put("icon", icon);
    }
    return j;
  }
}
