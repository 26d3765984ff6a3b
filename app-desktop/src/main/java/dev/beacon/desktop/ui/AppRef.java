package dev.beacon.desktop.ui;

import dev.beacon.desktop.client.App;

/** An app as the screens refer to it: its id, name and client key. */
public record AppRef(String appId, String name, String appKey) {
  public static AppRef of(App app) {
    return new AppRef(app.appId(), app.name(), app.appKey());
  }

  @Override
  public String toString() {
    return name; // what a ComboBox or ListView shows
  }
}
