package dev.beacon.desktop.content;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Content admin: SDKs and their resources, light-module categories and modules, posters, Q&A. */
public final class ContentScreen extends ModelScreen<ContentModel> {
  private final StackPane holder = new StackPane();
  private ContentView view;
  private Node adminsOnly;

  public ContentScreen(ConsoleContext ctx) {
    super("content", "Content", new ContentModel(ctx));
  }

  /**
   * A holder showing the admin's tabs, or for other developers a line saying the screen is for
   * admins; which one follows whoever is signed in when the screen is shown.
   */
  @Override
  public Node view() {
    choose();
    return holder;
  }

  @Override
  public void shown() {
    if (choose()) {
      view.reloadTab();
    }
  }

  /** Shows what fits the signed-in developer; true when that is the admin's tabs. */
  private boolean choose() {
    if (model.context().admin()) {
      if (view == null) {
        view = new ContentView(model);
      }
      holder.getChildren().setAll(view);
      return true;
    }
    if (adminsOnly == null) {
      Label l = new Label("Content admin (SDKs, light modules, posters, Q&A) is for administrators.");
      l.setId("content-admins-only");
      l.getStyleClass().add("empty-title");
      StackPane p = new StackPane(l);
      p.setAlignment(Pos.CENTER);
      adminsOnly = p;
    }
    holder.getChildren().setAll(adminsOnly);
    return false;
  }

  /** The admin's tabs once built (null before), for tests. */
  ContentView adminView() {
    return view;
  }
}
