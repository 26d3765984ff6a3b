package dev.beacon.desktop.health;

import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.ModelScreen;
import javafx.scene.Node;

/**
 * Health: per version of the current app (or of one of its modules), release health over 24 hours,
 * 7 or 30 days, the version before at the same age, and the rollout controls in the row.
 */
public final class HealthScreen extends ModelScreen<HealthModel> {
  private HealthView view;

  public HealthScreen(ConsoleContext ctx) {
    super("health", "Health", new HealthModel(ctx));
    ctx.currentAppProperty().addListener((o, was, now) -> {
      if (view != null && (was == null || now == null || !was.appId().equals(now.appId()))) {
        model.targetProperty().set(HealthModel.Target.APP);
        model.load();
      }
    });
  }

  @Override
  public Node view() {
    if (view == null) {
      view = new HealthView(model);
    }
    return view;
  }

  @Override
  public void shown() {
    view();
    view.picker.reload();
    model.load();
  }
}
