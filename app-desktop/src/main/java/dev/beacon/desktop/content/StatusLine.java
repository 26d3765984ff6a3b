package dev.beacon.desktop.content;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * The in-place progress and error display of a screen (shared by the Errors, Docs and Content
 * screens): a small spinner while {@code busy}, and the last call's error in red while
 * {@code problem} is not empty. Not part of the ui/ contract; a candidate for it.
 */
public final class StatusLine extends HBox {
  private final Label problemLabel = new Label();

  public StatusLine(String idPrefix, BooleanProperty busy, StringProperty problem) {
    super(8);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("status-line");
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setId(idPrefix + "-busy");
    spinner.getStyleClass().add("status-line-busy");
    spinner.setPrefSize(18, 18);
    spinner.setMaxSize(18, 18);
    spinner.visibleProperty().bind(busy);
    spinner.managedProperty().bind(busy);
    problemLabel.setId(idPrefix + "-problem");
    problemLabel.getStyleClass().add("status-line-problem");
    problemLabel.textProperty().bind(problem);
    problemLabel.setWrapText(true);
    problemLabel.visibleProperty().bind(problem.isNotEmpty());
    problemLabel.managedProperty().bind(problem.isNotEmpty());
    getChildren().addAll(spinner, problemLabel);
  }

  public Label problemLabel() {
    return problemLabel;
  }
}
