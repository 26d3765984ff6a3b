package dev.beacon.desktop.ui;

import io.vertx.core.json.JsonObject;

/** An app as the screens refer to it: its id, name and client key. */
public record AppRef(String appId, String name, String appKey) {
  /** From an app object of the API ({@code appId}, {@code name}, {@code appKey}). */
  public static AppRef of(JsonObject app) {
    return new AppRef(app.getString("appId"), app.getString("name"), app.getString("appKey"));
  }

  @Override
  public String toString() {
    return name; // what a ComboBox or ListView shows
  }
}
