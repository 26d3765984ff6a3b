package dev.beacon.desktop.releases;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.PackageUpload;
import dev.beacon.desktop.client.ReleasesApi;
import dev.beacon.desktop.client.Version;
import dev.beacon.desktop.client.UsageApi;
import dev.beacon.desktop.client.VersionDay;
import dev.beacon.desktop.client.VersionDraft;
import dev.beacon.desktop.client.VersionFeeds;
import dev.beacon.desktop.client.VersionPackage;
import dev.beacon.desktop.client.VersionAction;
import java.time.LocalDate;
import java.util.Map;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
  private final ConsoleContext ctx;
  private final ObservableList<ModuleRef> modules = FXCollections.observableArrayList(ModuleRef.APP);
  private final ObjectProperty<ModuleRef> module = new SimpleObjectProperty<>(this, "module", ModuleRef.APP);
  private final ObservableList<Version> versions = FXCollections.observableArrayList();
  private final ObjectProperty<Version> selected = new SimpleObjectProperty<>(this, "selected");
  /** Machines whose latest heartbeat (today, or else yesterday) reported each version name. */
  private final ObjectProperty<Map<String, Long>> machines = new SimpleObjectProperty<>(this, "machines", Map.of());
  private final ObjectProperty<VersionFeeds> feeds = new SimpleObjectProperty<>(this, "feeds");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

  public ReleasesModel(ConsoleContext ctx) {
    this.ctx = ctx;
    module.addListener((o, was, now) -> loadVersions());
  }

  /** The versions' owner: the current app, or one of its modules ({@code moduleId} not null). */
  private record Target(String appId, String moduleId) {}

  /** The chosen target, or null when there is no app. */
  private Target target() {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      return null;
    }
    ModuleRef m = module.get();
    return new Target(app.appId(), m == null ? null : m.moduleId());
  }

  private ReleasesApi api() {
    return new ReleasesApi(ctx.client());
  }

  /** Loads the current app's modules, then the chosen target's versions. */
  public void load() {
    AppRef app = ctx.currentAppProperty().get();
    if (app == null || ctx.client() == null) {
      versions.clear();
      modules.setAll(ModuleRef.APP);
      return;
    }
    ReleasesApi api = api();
    Background.run(ctx, () -> api.modules(app.appId()).stream().map(ModuleRef::of).toList(), list -> {
      String keep = module.get() == null ? null : module.get().moduleId();
      List<ModuleRef> all = new ArrayList<>();
      all.add(ModuleRef.APP);
      all.addAll(list);
      modules.setAll(all);
      ModuleRef same = all.stream().filter(m -> Objects.equals(m.moduleId(), keep)).findFirst().orElse(ModuleRef.APP);
      if (same.equals(module.get())) {
        loadVersions();
      } else {
        module.set(same); // loads its versions
      }
    }, busy, problem);
  }

  /** Loads the chosen target's versions, newest code first. */
  public void loadVersions() {
    Target t = target();
    if (t == null) {
      versions.clear();
      return;
    }
    ReleasesApi api = api();
    UsageApi usage = new UsageApi(ctx.client());
    Background.run(ctx, () -> api.versions(t.appId(), t.moduleId()), list -> {
      String keep = selected.get() == null ? null : selected.get().versionId();
      versions.setAll(list);
      selected.set(list.stream().filter(v -> v.versionId().equals(keep)).findFirst().orElse(null));
    }, busy, problem);
    if (t.moduleId() == null) {
      Background.run(ctx, () -> machinesNow(usage, t.appId()), machines::set, busy, problem);
      Background.run(ctx, () -> api.feeds(t.appId()), feeds::set, busy, problem);
    } else {
      machines.set(Map.of());
    }
  }

  /** The machines per version of the last day usage has (today, else yesterday). */
  private static Map<String, Long> machinesNow(UsageApi usage, String appId) throws ApiError {
    List<VersionDay> days = usage.versions(appId, LocalDate.now().minusDays(1));
    for (int i = days.size() - 1; i >= 0; i--) {
      if (!days.get(i).machines().isEmpty()) {
        return days.get(i).machines();
      }
    }
    return Map.of();
  }

  /** Machines currently on the version (the app's usage: their latest heartbeat reported its name); 0 when none. */
  public long machinesOn(Version v) {
    return machines.get().getOrDefault(v.name(), 0L);
  }

  /**
   * A release action on the selected version ({@code {"release":{"rollout":25}}}, {@code {"halt":null}}
   * ...); the row shows the server's answer, a refusal shows in place.
   */
  public void act(Version v, VersionAction action) {
    Target t = target();
    if (t == null || v == null) {
      return;
    }
    ReleasesApi api = api();
    Background.run(ctx, () -> api.act(t.appId(), t.moduleId(), v.versionId(), action), updated -> {
      replace(updated);
      selected.set(updated);
    }, busy, problem);
  }

  /** The action that rolls a version out to {@code percent}: a release when it is not live yet, else a change of percentage. */
  public static VersionAction rollOut(Version v, int percent) {
    boolean live = v.state().equals("rolling") || v.state().equals("released") || v.state().equals("halted");
    return live ? VersionAction.rollout(percent) : VersionAction.release(percent);
  }

  /** Whether the chosen target is the app itself (which has force update and platforms; modules have neither). */
  public boolean forApp() {
    return module.get() == null || module.get().app();
  }

  /**
   * Releases or disables a version. On success the row shows the server's state; on a refusal
   * {@code revert} runs (the toggle goes back) and the reason shows in place.
   */
  public void setReleased(Version v, boolean on, Runnable revert) {
    Target t = target();
    ReleasesApi api = api();
    Background.run(ctx, () -> {
      try {
        api.setReleased(t.appId(), t.moduleId(), v.versionId(), on);
        return null;
      } catch (Exception refused) {
        return refused;
      }
    }, refused -> {
      if (refused == null) {
        loadVersions(); // the server's state, rollout and history
      } else {
        problem.set(ApiError.text(refused));
        revert.run();
      }
    }, busy, problem);
  }

  private void replace(Version updated) {
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).versionId().equals(updated.versionId())) {
        versions.set(i, updated);
      }
    }
  }

  /** Creates ({@code versionId} null) or edits a version; {@code problem} shows the server's message in the dialog. */
  public void save(String versionId, VersionDraft draft, BooleanProperty saving, StringProperty problem, Runnable done) {
    Target t = target();
    ReleasesApi api = api();
    Background.run(ctx, () -> {
      if (versionId == null) {
        return api.create(t.appId(), t.moduleId(), draft);
      }
      api.edit(t.appId(), t.moduleId(), versionId, draft);
      return versionId;
    }, id -> {
      loadVersions();
      done.run();
    }, saving, problem);
  }

  /** Deletes a version (the view confirms first). */
  public void delete(Version v) {
    Target t = target();
    ReleasesApi api = api();
    Background.run(ctx, () -> {
      api.delete(t.appId(), t.moduleId(), v.versionId());
      return v;
    }, gone -> loadVersions(), busy, problem);
  }

  /** Uploads a package, showing the fraction sent in {@code progress}; {@code done} gets the server's answer. */
  public void upload(Path file, DoubleProperty progress, BooleanProperty uploading, StringProperty problem,
      Consumer<PackageUpload.Uploaded> done) {
    ReleasesApi api = api();
    progress.set(0);
    Background.run(ctx, () -> {
      long size = Math.max(1, Files.size(file));
      long[] shown = {-1};
      return api.upload(file, sent -> {
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

  /** {@link #input(String, String, String, String, String, String, String, boolean, boolean, String, String, List)} on stable, without packages. */
  public static VersionDraft input(String name, String code, String url, String md5, String desc, String devices,
      String platforms, boolean force, boolean app) {
    return input(name, code, url, md5, desc, devices, platforms, force, app, "stable", "", List.of());
  }

  /**
   * The version to send from the dialog's fields: device ids one per line, platforms
   * comma-separated; force update and platforms only for the app itself ({@code app}); the
   * channel, minimum system version and packages for both.
   */
  public static VersionDraft input(String name, String code, String url, String md5, String desc, String devices,
      String platforms, boolean force, boolean app, String channel, String minSystemVersion, List<VersionPackage> packages) {
    List<String> ids = devices.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<String> on = app ? Arrays.stream(platforms.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList() : List.of();
    return new VersionDraft(name.trim(), code.trim(), url.trim(), md5.trim(), desc, ids, on, force, app,
        channel.trim().isEmpty() ? "stable" : channel.trim(), minSystemVersion.trim(), packages);
  }

  public ObservableList<ModuleRef> modules() { return modules; }
  public ObjectProperty<ModuleRef> moduleProperty() { return module; }
  public ObservableList<Version> versions() { return versions; }
  public ObjectProperty<Version> selectedProperty() { return selected; }
  public ObjectProperty<Map<String, Long>> machinesProperty() { return machines; }
  public ObjectProperty<VersionFeeds> feedsProperty() { return feeds; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
}
