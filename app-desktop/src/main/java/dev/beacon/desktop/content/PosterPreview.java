package dev.beacon.desktop.content;

import java.net.URI;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * A poster's image, loaded in the background by {@link Image}'s own loader (never on the FX
 * thread); a placeholder text while there is nothing to show or when the image cannot be loaded.
 * {@link #stateProperty()} is "empty", "loading", "shown" or "failed".
 */
public final class PosterPreview extends StackPane {
  static final double WIDTH = 320;
  static final double HEIGHT = 180;

  private final ImageView image = new ImageView();
  private final Label placeholder = new Label();
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "empty");
  private Image loading;

  public PosterPreview() {
    setId("poster-preview");
    getStyleClass().add("poster-preview");
    setPrefSize(WIDTH, HEIGHT);
    setMinSize(WIDTH, HEIGHT);
    setMaxSize(WIDTH, HEIGHT);
    image.setFitWidth(WIDTH);
    image.setFitHeight(HEIGHT);
    image.setPreserveRatio(true);
    placeholder.setId("poster-placeholder");
    placeholder.setWrapText(true);
    placeholder.getStyleClass().add("empty-title");
    setAlignment(Pos.CENTER);
    getChildren().addAll(image, placeholder);
    show(null, null);
  }

  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Shows the image at {@code url}; a relative url ({@code /files/...}) is taken against {@code base}. */
  public void show(String url, URI base) {
    loading = null;
    image.setImage(null);
    if (url == null || url.isBlank()) {
      placeholder("No image", "empty");
      return;
    }
    String resolved;
    try {
      URI u = URI.create(url.trim());
      resolved = (u.isAbsolute() || base == null ? u : base.resolve(u)).toString();
    } catch (IllegalArgumentException e) {
      placeholder("Preview unavailable: not a URL", "failed");
      return;
    }
    placeholder("Loading…", "loading");
    Image img;
    try {
      img = new Image(resolved, WIDTH * 2, HEIGHT * 2, true, true, true);
    } catch (IllegalArgumentException e) {
      placeholder("Preview unavailable: " + e.getMessage(), "failed");
      return;
    }
    loading = img;
    Runnable settle = () -> {
      if (loading != img) {
        return; // another poster was chosen meanwhile
      }
      if (img.isError()) {
        placeholder("Preview unavailable: the image could not be loaded", "failed");
      } else if (img.getProgress() >= 1.0) {
        image.setImage(img);
        placeholder.setVisible(false);
        state.set("shown");
      }
    };
    img.errorProperty().addListener((o, was, now) -> settle.run());
    img.progressProperty().addListener((o, was, now) -> settle.run());
    settle.run();
  }

  private void placeholder(String text, String newState) {
    placeholder.setText(text);
    placeholder.setVisible(true);
    state.set(newState);
  }
}
