package dev.beacon.desktop.apps;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Apps screen's state: the developer's apps, the selected one, and the calls that change them. FX thread. */
public final class AppsModel {
  private static final int PAGE = 100;

  private final ConsoleContext ctx;
  private final ObservableList<AppRow> apps = FXCollections.observableArrayList();
  private final ObjectProperty<AppRow> selected = new SimpleObjectProperty<>(this, "selected");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

  public AppsModel(ConsoleContext ctx) {
    this.ctx = ctx;
  }

  /** Loads the apps; keeps the selection by id. */
  public void load() {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    Background.run(ctx, () -> all(c), list -> {
      String keep = selected.get() == null ? null : selected.get().appId();
      apps.setAll(list);
      selected.set(list.stream().filter(a -> a.appId().equals(keep)).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
    }, busy, problem);
  }

  static List<AppRow> all(BeaconClient c) throws Exception {
    List<AppRow> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonObject j = c.get(base(c), Map.of("pageNo", page, "pageSize", PAGE, "orderBy", "name:asc"));
      JsonArray items = j.getJsonArray("apps", new JsonArray());
      items.forEach(o -> out.add(AppRow.of((JsonObject) o)));
      if (items.size() < PAGE) {
        return out;
      }
    }
  }

  private static String base(BeaconClient c) {
    return "v1/user/" + c.openId() + "/app";
  }

  /**
   * The body of a create or edit: name, platform (create only), and desc and icon when filled in
   * (the server keeps the old ones otherwise: an edit cannot blank them).
   */
  public static JsonObject input(String name, Integer platform, String desc, String icon) {
    JsonObject j = new JsonObject().put("name", name == null ? "" : name.trim());
    if (platform != null) {
      j.put("platform", platform);
    }
    if (desc != null && !desc.isBlank()) {
      j.put("desc", desc.trim());
    }
    if (icon != null && !icon.isBlank()) {
      j.put("icon", icon.trim());
    }
    return j;
  }

  /**
   * Creates ({@code appId} null) or edits an app; {@code problem} gets the server's message (e.g. a
   * missing name) for the dialog to show in place; {@code done} runs after success.
   */
  public void save(String appId, JsonObject input, BooleanProperty saving, StringProperty problem, Consumer<String> done) {
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> {
      if (appId == null) {
        return c.post(base(c), input).getJsonObject("app", new JsonObject()).getString("appId");
      }
      JsonObject edit = input.copy();
      edit.remove("platform");
      c.put(base(c) + "/" + appId, edit);
      return appId;
    }, id -> {
      selected.set(new AppRow(id, "", "", 0, "", "", 0, "")); // selected by id once the list is back
      load();
      done.accept(id);
    }, saving, problem);
  }

  /** Deletes the app and everything under it (the view confirms first). */
  public void delete(AppRow app) {
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> c.delete(base(c) + "/" + app.appId()), j -> {
      if (ctx.currentAppProperty().get() != null && app.appId().equals(ctx.currentAppProperty().get().appId())) {
        ctx.setCurrentApp(null);
      }
      selected.set(null);
      load();
    }, busy, problem);
  }

  /** Freezes or unfreezes an app (admins): a frozen app's clients get no answers. */
  public void freeze(AppRow app, boolean freeze) {
    BeaconClient c = ctx.client();
    Background.run(ctx, () -> c.post("v1/admin/app/" + app.appId() + "/action",
        new JsonObject().putNull(freeze ? "freeze" : "unfreeze")), j -> load(), busy, problem);
  }

  public ObservableList<AppRow> apps() { return apps; }
  public ObjectProperty<AppRow> selectedProperty() { return selected; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
  public boolean admin() { return ctx.admin(); }
}
