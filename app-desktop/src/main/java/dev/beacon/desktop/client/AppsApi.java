package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The signed-in developer's apps ({@code /v1/user/{openId}/app}) and the admin's freeze. Blocking. */
public final class AppsApi {
  private static final int PAGE = 100;

  private final BeaconClient client;

  public AppsApi(BeaconClient client) {
    this.client = client;
  }

  private String apps() {
    return client.userPath("app");
  }

  /** Every app, newest first (the server's order). */
  public List<App> all() throws ApiError {
    return Page.all(PAGE, (pageNo, size) -> page(Map.of("pageNo", pageNo, "pageSize", size)));
  }

  /** Every app, by name. */
  public List<App> allByName() throws ApiError {
    return Page.all(PAGE, (pageNo, size) -> page(Map.of("pageNo", pageNo, "pageSize", size, "orderBy", "name:asc")));
  }

  private List<App> page(Map<String, ?> query) throws ApiError {
    return Json.objects(client.get(apps(), query), "apps").stream().map(App::from).toList();
  }

  /** One app. */
  public App get(String appId) throws ApiError {
    return App.from(client.get(apps() + "/" + appId, Map.of()).getJsonObject("app", new JsonObject()));
  }

  /** Creates an app; returns its id. */
  public String create(AppDraft draft) throws ApiError {
    return App.from(client.post(apps(), draft.json(true)).getJsonObject("app", new JsonObject())).appId();
  }

  /** Edits an app (its platform stays). */
  public void edit(String appId, AppDraft draft) throws ApiError {
    client.put(apps() + "/" + appId, draft.json(false));
  }

  /** Deletes an app and everything under it. */
  public void delete(String appId) throws ApiError {
    client.delete(apps() + "/" + appId);
  }

  /** A new key for the app's Sentry DSN (the old one stops working); answers the app with its new DSN. */
  public App rotateDsn(String appId) throws ApiError {
    return App.from(client.post(apps() + "/" + appId + "/dsn/rotate", new JsonObject()).getJsonObject("app", new JsonObject()));
  }

  /** Freezes or unfreezes an app (admins only): a frozen app's clients get no answers. */
  public void freeze(String appId, boolean freeze) throws ApiError {
    client.post("v1/admin/app/" + appId + "/action", new JsonObject().putNull(freeze ? "freeze" : "unfreeze"));
  }
}
