package dev.beacon.desktop.ui;

import dev.beacon.desktop.client.AppsApi;
import dev.beacon.desktop.client.BeaconClient;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;

/**
 * The app chooser that screens about one app (overview, releases, errors) put in their tool bar.
 * Its selection is the context's {@link ConsoleContext#currentAppProperty() current app}, so
 * switching screens keeps the app. {@link #reload()} fetches the signed-in developer's apps.
 */
public final class AppPicker extends ComboBox<AppRef> {
  private final ConsoleContext ctx;
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private boolean syncing;

  public AppPicker(ConsoleContext ctx) {
    this.ctx = ctx;
    setId("app-picker");
    setPromptText("Choose an app");
    setMinWidth(200);
    getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (!syncing && now != null) {
        ctx.setCurrentApp(now);
      }
    });
    ctx.currentAppProperty().addListener((o, was, now) -> select(now));
  }

  /** Loads the apps in the background; keeps the current app if it is still there, else picks the first. */
  public void reload() {
    if (ctx.client() == null) {
      return;
    }
    BeaconClient client = ctx.client();
    Background.run(ctx, () -> new AppsApi(client).all().stream().map(AppRef::of).toList(), apps -> {
      syncing = true;
      try {
        getItems().setAll(apps);
      } finally {
        syncing = false;
      }
      AppRef current = ctx.currentAppProperty().get();
      AppRef keep = apps.stream().filter(a -> current != null && a.appId().equals(current.appId())).findFirst()
          .orElse(apps.isEmpty() ? null : apps.get(0));
      ctx.setCurrentApp(keep);
      select(keep);
    }, busy, problem);
  }

  private void select(AppRef app) {
    syncing = true;
    try {
      AppRef match = app == null ? null
          : getItems().stream().filter(a -> Objects.equals(a.appId(), app.appId())).findFirst().orElse(null);
      getSelectionModel().select(match);
    } finally {
      syncing = false;
    }
  }

  /** True while the list is loading. */
  public BooleanProperty busyProperty() {
    return busy;
  }

  /** Why the list could not be loaded, or empty. */
  public StringProperty problemProperty() {
    return problem;
  }
}
