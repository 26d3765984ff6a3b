package dev.beacon.desktop.releases;

import dev.beacon.desktop.client.VersionFeeds;
import dev.beacon.desktop.ui.Views;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The app's update feeds: for Sparkle, electron-updater and Velopack, the URL and a one-line setup,
 * each with a copy button.
 */
final class FeedsPane {
  private FeedsPane() {}

  static Node of(ReleasesModel model) {
    GridPane g = new GridPane();
    g.setId("feedsPane");
    g.setHgap(8);
    g.setVgap(6);
    int r = 0;
    r = row(g, r, model, "Sparkle", "sparkle", VersionFeeds::sparkle, VersionFeeds::sparkleSetup);
    r = row(g, r, model, "electron-updater", "electron", VersionFeeds::electron, VersionFeeds::electronSetup);
    row(g, r, model, "Velopack", "velopack", VersionFeeds::velopack, VersionFeeds::velopackSetup);
    return g;
  }

  private static int row(GridPane g, int r, ReleasesModel model, String name, String id, Function<VersionFeeds, String> url,
      Function<VersionFeeds, String> setup) {
    StringBinding u = text(model, url);
    StringBinding s = text(model, setup);
    TextField urlField = readOnly(id + "FeedUrl", u);
    TextField setupField = readOnly(id + "FeedSetup", s);
    Label l = new Label(name);
    g.addRow(r, l, urlField, Views.copyButton(id + "FeedCopy", "Copy", u), setupField, Views.copyButton(id + "SetupCopy", "Copy", s));
    GridPane.setHgrow(urlField, Priority.ALWAYS);
    GridPane.setHgrow(setupField, Priority.ALWAYS);
    g.setAlignment(Pos.CENTER_LEFT);
    return r + 1;
  }

  private static StringBinding text(ReleasesModel model, Function<VersionFeeds, String> part) {
    return Bindings.createStringBinding(() -> model.feedsProperty().get() == null ? "" : part.apply(model.feedsProperty().get()),
        model.feedsProperty());
  }

  private static TextField readOnly(String id, StringBinding text) {
    TextField f = new TextField();
    f.setId(id);
    f.setEditable(false);
    f.textProperty().bind(text);
    return f;
  }
}
