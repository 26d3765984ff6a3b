package dev.beacon.desktop.docs;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** Docs: the doc tree and the selected doc rendered; admins also edit nodes and docs. */
public final class DocsScreen extends ModelScreen<DocsModel> {
  private final StackPane holder = new StackPane();
  private DocsView view;
  private boolean builtForAdmin;

  public DocsScreen(ConsoleContext ctx) {
    super("docs", "Docs", new DocsModel(ctx));
  }

  /**
   * A holder for the docs view, which is built for the signed-in developer: the editors appear for
   * an administrator only, so a sign-in as someone else rebuilds it.
   */
  @Override
  public Node view() {
    rebuildIfNeeded();
    return holder;
  }

  @Override
  public void shown() {
    rebuildIfNeeded();
    model.refresh();
  }

  private void rebuildIfNeeded() {
    boolean admin = model.admin();
    if (view == null || admin != builtForAdmin) {
      view = new DocsView(model);
      builtForAdmin = admin;
      holder.getChildren().setAll(view);
    }
  }
}
