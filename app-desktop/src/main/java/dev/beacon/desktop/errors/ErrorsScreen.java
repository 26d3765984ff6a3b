package dev.beacon.desktop.errors;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import javafx.scene.Node;

/** Errors: the current app's grouped issues with their detail, and the raw error logs. */
public final class ErrorsScreen extends ModelScreen<ErrorsModel> {
  private ErrorsView view;

  public ErrorsScreen(ConsoleContext ctx) {
    super("errors", "Errors", new ErrorsModel(ctx));
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
}
