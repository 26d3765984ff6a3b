package dev.beacon.desktop.releases;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Releases screen's state: for the current app, the app itself or one of its modules, and
 * that target's versions; releasing, disabling, creating, editing and deleting them; package
 * uploads. FX thread.
 */
public final class ReleasesModel {
  private static final int PAGE = 100;

  private final ConsoleContext ctx;
  private final ObservableList<ModuleRef> modules = FXCollections.observableArrayList(ModuleRef.APP);
  private final ObjectProperty<ModuleRef> module = new SimpleObjectProperty<>(this, "module", ModuleRef.APP);
  private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

  public ReleasesModel(ConsoleContext ctx) {
    this.ctx = ctx;
    module.addListener((o, was, now) -> loadVersions());
  }

  /** Loads the current app's modules, then the chosen target's versions. */
  public void load() {
    AppRef app = ctx.currentAppProperty().get();
    BeaconClient c = ctx.client();
    if (app == null || c == null) {
      versions.clear();
      modules.setAll(ModuleRef.APP);
      return;
    }
    Background.run(ctx, () -> modulesOf(c, app.appId()), list -> {
      String keep = module.get() == null ? null : module.get().moduleId();
      List<ModuleRef> all = new ArrayList<>();
      all.add(ModuleRef.APP);
      all.addAll(list);
      modules.setAll(all);
      ModuleRef same = all.stream().filter(m -> java.util.Objects.equals(m.moduleId(), keep)).findFirst().orElse(ModuleRef.APP);
      if (same.equals(module.get())) {
        loadVersions();
      } else {
        module.set(same); // loads its versions
      }
    }, busy, problem);
  }

  static List<ModuleRef> modulesOf(BeaconClient c, String appId) throws Exception {
    List<ModuleRef> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonArray items = c.get("v1/user/" + c.openId() + "/app/" + appId + "/module",
          Map.of("pageNo", page, "pageSize", PAGE, "orderBy", "name:asc")).getJsonArray("module", new JsonArray());
      items.forEach(o -> out.add(new ModuleRef(((JsonObject) o).getString("moduleId"), ((JsonObject) o).getString("name"))));
      if (items.size() < PAGE) {
        return out;
      }
    }
  }

  /** Loads the chosen target's versions, newest code first. */
  public void loadVersions() {
    String base = base();
    if (base == null) {
      versions.clear();
      return;
    }
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> {
      List<VersionRow> out = new ArrayList<>();
      for (int page = 1; ; page++) {
        JsonArray items = c.get(base, Map.of("pageNo", page, "pageSize", PAGE, "orderBy", "code:desc"))
            .getJsonArray("version", new JsonArray());
        items.forEach(o -> out.add(VersionRow.of((JsonObject) o)));
        if (items.size() < PAGE) {
          return out;
        }
      }
    }, versions::setAll, busy, problem);
  }

  /** The versions path of the chosen target, or null when there is no app. */
  String base() {
    AppRef app = ctx.currentAppProperty().get();
    BeaconClient c = ctx.client();
    if (app == null || c == null) {
      return null;
    }
    String p = "v1/user/" + c.openId() + "/app/" + app.appId();
    ModuleRef m = module.get();
    return m == null || m.app() ? p + "/version" : p + "/module/" + m.moduleId() + "/version";
  }

  /**
   * Releases or disables a version. On success the row shows the server's state; on failure
   * {@code revert} runs (the toggle goes back) and the reason shows in place.
   */
  public void setReleased(VersionRow v, boolean on, Runnable revert) {
    String base = base();
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> c.post(base + "/" + v.versionId() + "/action", new JsonObject().putNull(on ? "release" : "disable")),
        j -> replace(v.withReleased(on)), busy, problem).setOnFailed(e -> {
          busy.set(false);
          problem.set(dev.beacon.desktop.client.ApiError.text(e.getSource().getException()));
          revert.run();
        });
  }

  private void replace(VersionRow updated) {
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).versionId().equals(updated.versionId())) {
        versions.set(i, updated);
      }
    }
  }

  /** Creates ({@code versionId} null) or edits a version; {@code problem} shows the server's message in the dialog. */
  public void save(String versionId, JsonObject input, BooleanProperty saving, StringProperty problem, Runnable done) {
    String base = base();
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> versionId == null ? c.post(base, input) : c.put(base + "/" + versionId, input), j -> {
      loadVersions();
      done.run();
    }, saving, problem);
  }

  /** Deletes a version (the view confirms first). */
  public void delete(VersionRow v) {
    String base = base();
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> c.delete(base + "/" + v.versionId()), j -> loadVersions(), busy, problem);
  }

  /** Uploads a package, showing the fraction sent in {@code progress}; {@code done} gets the server's answer. */
  public void upload(Path file, DoubleProperty progress, BooleanProperty uploading, StringProperty problem,
      Consumer<PackageUpload.Uploaded> done) {
    BeaconClient c = ctx.client();
    progress.set(0);
    Background.run(ctx, () -> {
      long size = Math.max(1, java.nio.file.Files.size(file));
      long[] shown = {-1};
      return PackageUpload.send(c, file, sent -> {
        long pct = sent * 100 / size;
        if (pct != shown[0]) { // at most 101 updates on the FX thread
          shown[0] = pct;
          Platform.runLater(() -> progress.set(pct / 100.0));
        }
      });
    }, u -> {
      progress.set(1);
      done.accept(u);
    }, uploading, problem);
  }

  /**
   * The body of a create or edit from the dialog's fields: device ids one per line (sent
   * ';'-separated), platforms comma-separated; force update and platforms only for the app itself
   * (modules have neither).
   */
  public static JsonObject input(String name, String code, String url, String md5, String desc, String devices,
      String platforms, boolean force, boolean app) {
    JsonObject j = new JsonObject().put("name", name.trim());
    try {
      j.put("code", Integer.parseInt(code.trim()));
    } catch (NumberFormatException e) {
      j.put("code", code.trim()); // the server says what is wrong with it
    }
    j.put("url", url.trim()).put("md5", md5.trim()).put("desc", desc);
    j.put("deviceIds", String.join(";", devices.lines().map(String::trim).filter(s -> !s.isEmpty()).toList()));
    if (app) {
      List<String> p = java.util.Arrays.stream(platforms.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      j.put("platforms", new JsonArray(p)).put("forceUpdate", force);
    }
    return j;
  }

  public ObservableList<ModuleRef> modules() { return modules; }
  public ObjectProperty<ModuleRef> moduleProperty() { return module; }
  public ObservableList<VersionRow> versions() { return versions; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
}
