package dev.beacon.desktop.health;

import dev.beacon.desktop.client.HealthApi;
import dev.beacon.desktop.client.HealthVersion;
import dev.beacon.desktop.client.Module;
import dev.beacon.desktop.client.ReleasesApi;
import dev.beacon.desktop.client.VersionAction;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Health screen's state: for the current app, or one of its modules, the versions' release
 * health over the chosen window (24h, 7d, 30d), and the rollout actions (halt, resume, complete)
 * on a version, after which the figures are read again. Server calls run in the background.
 */
public final class HealthModel {
  /** What the figures are about: the app itself ({@code moduleId} null) or one of its modules. */
  public record Target(String moduleId, String name) {
    public static final Target APP = new Target(null, "The app itself");

    @Override
    public String toString() {
      return moduleId == null ? name : "Module: " + name;
    }
  }

  private final ConsoleContext ctx;
  private final ObservableList<HealthVersion> versions = FXCollections.observableArrayList();
  private final ObservableList<Target> targets = FXCollections.observableArrayList(Target.APP);
  private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.APP);
  private final StringProperty window = new SimpleStringProperty(this, "window", "7d");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  /** The figures being read; a newer read cancels it, so an older answer never lands last. */
  private Task<?> reading;

  public HealthModel(ConsoleContext ctx) {
    this.ctx = ctx;
    window.addListener((o, was, now) -> refresh());
    target.addListener((o, was, now) -> refresh());
  }

  ConsoleContext context() {
    return ctx;
  }

  /** Reads the current app's modules (for the target chooser) and the figures. */
  public void load() {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      versions.clear();
      targets.setAll(Target.APP);
      return;
    }
    ReleasesApi api = new ReleasesApi(ctx.client());
    Background.run(ctx, () -> api.modules(app.appId()), modules -> {
      Target keep = target.get();
      targets.setAll(Target.APP);
      for (Module m : modules) {
        targets.add(new Target(m.moduleId(), m.name()));
      }
      if (!targets.contains(keep)) {
        target.set(Target.APP);
      }
    }, busy, problem);
    refresh();
  }

  /** Reads the figures of the current app (or module) over the window again. */
  public void refresh() {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      versions.clear();
      return;
    }
    HealthApi api = new HealthApi(ctx.client());
    String moduleId = target.get() == null ? null : target.get().moduleId();
    String w = window.get();
    if (reading != null) {
      reading.cancel();
    }
    reading = Background.run(ctx, () -> api.versions(app.appId(), moduleId, w), versions::setAll, busy, problem);
  }

  /** Halts, resumes or completes a version's rollout, then reads the figures again. */
  public void act(HealthVersion v, VersionAction action) {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || v == null) {
      return;
    }
    ReleasesApi api = new ReleasesApi(ctx.client());
    String moduleId = target.get() == null ? null : target.get().moduleId();
    Background.run(ctx, () -> api.act(app.appId(), moduleId, v.versionId(), action), done -> refresh(), busy, problem);
  }

  /** Whether the action applies to a version in this state (what the server would accept). */
  public static boolean allowed(HealthVersion v, String kind) {
    return switch (kind) {
      case "halt" -> "rolling".equals(v.state()) || "released".equals(v.state());
      case "resume" -> "halted".equals(v.state());
      case "complete" -> "rolling".equals(v.state()) || "halted".equals(v.state());
      default -> false;
    };
  }

  public ObservableList<HealthVersion> versions() { return versions; }
  public ObservableList<Target> targets() { return targets; }
  public ObjectProperty<Target> targetProperty() { return target; }
  public StringProperty windowProperty() { return window; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
}
