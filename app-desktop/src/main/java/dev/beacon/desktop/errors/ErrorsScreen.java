package dev.beacon.desktop.errors;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import javafx.scene.Node;

/** Errors: the current app's grouped issues with their detail, and the raw error logs. */
public final class ErrorsScreen implements Screen {
  private final ErrorsModel model;
  private ErrorsView view;

  public ErrorsScreen(ConsoleContext ctx) {
    this.model = new ErrorsModel(ctx);
  }

  @Override
  public String id() {
    return "errors";
  }

  @Override
  public String title() {
    return "Errors";
  }

  @Override
  public Node view() {
    if (view == null) {
      view = new ErrorsView(model);
    }
    return view;
  }

  @Override
  public void shown() {
    view();
    view.picker.reload(); // a new app list sets the current app, which reloads the issues
    model.refresh();
  }

  /** The model, for tests. */
  public ErrorsModel model() {
    return model;
  }
}
