package dev.beacon.desktop.support;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.theme.ThemeManager;
import dev.beacon.desktop.ui.Screen;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.testfx.api.FxToolkit;

/** Shows one screen's real view in TestFX's stage, themed as the console does, and tells it it is shown. */
public final class ScreenStage {
  private ScreenStage() {}

  public static void show(Screen screen) throws Exception {
    Fx.startToolkit();
    FxToolkit.setupStage(stage -> {
      Parent root = new StackPane(screen.view());
      Scene scene = new Scene(root, 1100, 700);
      ThemeManager.apply(scene);
      stage.setScene(scene);
      stage.setWidth(1100);
      stage.setHeight(700);
      stage.show();
    });
    Fx.run(screen::shown);
  }
}
