package dev.beacon.desktop.docs;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import javafx.scene.Node;

/** Docs: the doc tree and the selected doc rendered; admins also edit nodes and docs. */
public final class DocsScreen implements Screen {
  private final DocsModel model;
  private DocsView view;

  public DocsScreen(ConsoleContext ctx) {
    this.model = new DocsModel(ctx);
  }

  @Override
  public String id() {
    return "docs";
  }

  @Override
  public String title() {
    return "Docs";
  }

  /** Built once; whether the editors appear is decided by the signed-in developer at that time. */
  @Override
  public Node view() {
    if (view == null) {
      view = new DocsView(model);
    }
    return view;
  }

  @Override
  public void shown() {
    model.refresh();
  }

  /** The model, for tests. */
  public DocsModel model() {
    return model;
  }
}
