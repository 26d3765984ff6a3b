package dev.beacon.desktop.apps;

import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.AppDraft;
import dev.beacon.desktop.client.AppsApi;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.AppRef;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Apps screen's state: the developer's apps by name, the selected one (its title, key and
 * freeze state derived for the view), and the calls that change them. FX thread.
 */
public final class AppsModel {
  private final ConsoleContext ctx;
  private final ObservableList<App> apps = FXCollections.observableArrayList();
  private final ObjectProperty<App> selected = new SimpleObjectProperty<>(this, "selected");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final StringBinding title = Bindings.createStringBinding(() -> title(selected.get()), selected);
  private final StringBinding key = Bindings.createStringBinding(
      () -> selected.get() == null ? "" : selected.get().appKey(), selected);
  private final StringBinding dsn;
  private final BooleanBinding frozen = Bindings.createBooleanBinding(
      () -> selected.get() != null && selected.get().frozen(), selected);
  private final ObjectBinding<Map<String, String>> snippets;
  private final StringBinding reachedAt;
  private final ObjectBinding<Map<String, String>> sentrySnippets;
  /** An app chosen by id before the list holding it is back (after a create). */
  private String pending;

  public AppsModel(ConsoleContext ctx) {
    this.ctx = ctx;
    this.snippets = Bindings.createObjectBinding(() -> {
      Map<String, String> code = Snippets.forApp(ctx.publicUrlProperty().get(), key.get());
      if (selected.get() == null) {
        code.replaceAll((lang, text) -> "");
      }
      return code;
    }, selected, ctx.publicUrlProperty());
    this.dsn = Bindings.createStringBinding(
        () -> selected.get() == null ? "" : selected.get().dsnFor(ctx.publicUrlProperty().get()), selected, ctx.publicUrlProperty());
    this.sentrySnippets = Bindings.createObjectBinding(() -> Snippets.sentry(dsn.get()), dsn);
    this.reachedAt = Bindings.createStringBinding(() -> reachedAt(ctx.publicUrlProperty().get()), ctx.publicUrlProperty());
  }

  private AppsApi api() {
    return new AppsApi(ctx.client());
  }

  /** Loads the apps; keeps the selection by id, else selects the first. */
  public void load() {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    AppsApi api = api();
    Background.run(ctx, api::allByName, list -> {
      String keep = pending != null ? pending : selected.get() == null ? null : selected.get().appId();
      pending = null;
      apps.setAll(list);
      selected.set(list.stream().filter(a -> a.appId().equals(keep)).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
    }, busy, problem);
  }

  /**
   * Creates ({@code appId} null) or edits an app; {@code problem} gets the server's message (e.g. a
   * missing name) for the dialog to show in place; after success the list reloads with the app
   * selected and {@code done} gets its id.
   */
  public void save(String appId, AppDraft draft, BooleanProperty saving, StringProperty problem, Consumer<String> done) {
    AppsApi api = api();
    Background.run(ctx, () -> {
      if (appId == null) {
        return api.create(draft);
      }
      api.edit(appId, draft);
      return appId;
    }, id -> {
      pending = id;
      load();
      done.accept(id);
    }, saving, problem);
  }

  /** Deletes the app and everything under it (the view confirms first); it stops being the current app. */
  public void delete(App app) {
    AppsApi api = api();
    Background.run(ctx, () -> {
      api.delete(app.appId());
      return app;
    }, gone -> {
      AppRef current = ctx.currentAppProperty().get();
      if (current != null && Objects.equals(gone.appId(), current.appId())) {
        ctx.setCurrentApp(null);
      }
      selected.set(null);
      load();
    }, busy, problem);
  }

  /** Freezes or unfreezes an app (admins): a frozen app's clients get no answers. */
  public void freeze(App app, boolean freeze) {
    AppsApi api = api();
    Background.run(ctx, () -> {
      api.freeze(app.appId(), freeze);
      return app;
    }, a -> load(), busy, problem);
  }

  /** A new DSN key for the selected app (the view confirms first): the old DSN stops working. */
  public void rotateDsn() {
    App a = selected.get();
    if (a == null) {
      return;
    }
    AppsApi api = api();
    Background.run(ctx, () -> api.rotateDsn(a.appId()), fresh -> {
      pending = fresh.appId();
      load();
    }, busy, problem);
  }

  /** Freezes the selected app, or unfreezes it when frozen. */
  public void toggleFreeze() {
    App a = selected.get();
    if (a != null) {
      freeze(a, !a.frozen());
    }
  }

  /** The detail's title: the name, marked when frozen. */
  static String title(App a) {
    return a == null ? "" : a.name() + (a.frozen() ? "  (frozen)" : "");
  }

  /** The sentence saying where client software reaches this server, and whether only from this computer. */
  static String reachedAt(String url) {
    return "Your software reaches Beacon at " + url
        + (url.contains("://127.0.0.1:") ? " (this computer only: the Server screen lets the network in)." : ".");
  }

  public ObservableList<App> apps() { return apps; }
  public ObjectProperty<App> selectedProperty() { return selected; }
  public BooleanProperty busyProperty() { return busy; }
  public StringProperty problemProperty() { return problem; }
  /** The selected app's title ("" when none). */
  public StringBinding titleBinding() { return title; }
  /** The selected app's key ("" when none). */
  public StringBinding keyBinding() { return key; }
  /** Whether the selected app is frozen. */
  public BooleanBinding frozenBinding() { return frozen; }
  /** The selected app's integration snippet in {@code lang} (one of {@link Snippets#forApp}'s keys; "" when none is selected). */
  public StringBinding snippet(String lang) {
    return Bindings.createStringBinding(() -> snippets.get().getOrDefault(lang, ""), snippets);
  }
  /** The selected app's Sentry DSN for software reaching this server at its public address ("" when none). */
  public StringBinding dsnBinding() { return dsn; }
  /** The selected app's Sentry SDK setup in {@code lang} (one of {@link Snippets#sentry}'s keys). */
  public StringBinding sentrySnippet(String lang) {
    return Bindings.createStringBinding(() -> selected.get() == null ? "" : sentrySnippets.get().getOrDefault(lang, ""), sentrySnippets, selected);
  }
  /** Where client software reaches this server. */
  public StringBinding reachedAtBinding() { return reachedAt; }
  public boolean admin() { return ctx.admin(); }
}
