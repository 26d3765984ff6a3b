package dev.beacon.desktop.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * How every screen shows its server calls: a small spinner while {@code busy}, and the last
 * call's error in red, in place, taking no room while there is none. As one row
 * ({@code new StatusLine("docs", busy, problem)}: {@code #docs-busy}, {@code #docs-problem}), or
 * its parts apart where a screen puts the spinner in its title bar and the problem under it.
 */
public final class StatusLine extends HBox {
  private final Label problemLabel;

  public StatusLine(String idPrefix, ObservableBooleanValue busy, ObservableStringValue problem) {
    super(8);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("status-line");
    ProgressIndicator spinner = spinner(busy, 18);
    spinner.setId(idPrefix + "-busy");
    spinner.getStyleClass().add("status-line-busy");
    spinner.managedProperty().bind(busy);
    problemLabel = problem(idPrefix + "-problem", problem);
    problemLabel.getStyleClass().add("status-line-problem");
    getChildren().addAll(spinner, problemLabel);
  }

  public Label problemLabel() {
    return problemLabel;
  }

  /** A small spinner shown while {@code busy} (keeping its room, as in a title bar). */
  public static ProgressIndicator spinner(ObservableBooleanValue busy) {
    ProgressIndicator p = spinner(busy, 20);
    p.getStyleClass().add("busy");
    return p;
  }

  private static ProgressIndicator spinner(ObservableBooleanValue busy, double size) {
    ProgressIndicator p = new ProgressIndicator();
    p.setPrefSize(size, size);
    p.setMaxSize(size, size);
    p.visibleProperty().bind(busy);
    return p;
  }

  /** The in-place error line {@code #id}: {@code problem} in red, taking no room while empty. */
  public static Label problem(String id, ObservableStringValue problem) {
    return message(id, problem, Styles.DANGER);
  }

  /** A line {@code #id} showing {@code text} in {@code style} (e.g. a warning or a success), taking no room while empty. */
  public static Label message(String id, ObservableStringValue text, String style) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.getStyleClass().add(style);
    l.textProperty().bind(text);
    BooleanBinding shown = Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text);
    l.visibleProperty().bind(shown);
    l.managedProperty().bind(shown);
    return l;
  }
}
