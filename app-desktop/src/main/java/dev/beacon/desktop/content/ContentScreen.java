package dev.beacon.desktop.content;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Content admin: SDKs and their resources, light-module categories and modules, posters, Q&A. */
public final class ContentScreen implements Screen {
  private final ContentModel model;
  private ContentView view;
  private Node shown;

  public ContentScreen(ConsoleContext ctx) {
    this.model = new ContentModel(ctx);
  }

  @Override
  public String id() {
    return "content";
  }

  @Override
  public String title() {
    return "Content";
  }

  /** Built once: the admin's tabs, or for other developers a line saying the screen is for admins. */
  @Override
  public Node view() {
    if (shown == null) {
      if (model.context().admin()) {
        view = new ContentView(model);
        shown = view;
      } else {
        Label l = new Label("Content admin (SDKs, light modules, posters, Q&A) is for administrators.");
        l.setId("content-admins-only");
        l.getStyleClass().add("empty-title");
        StackPane p = new StackPane(l);
        p.setAlignment(Pos.CENTER);
        shown = p;
      }
    }
    return shown;
  }

  @Override
  public void shown() {
    view();
    if (view != null) {
      view.reloadTab();
    }
  }

  /** The model, for tests. */
  public ContentModel model() {
    return model;
  }
}
