package dev.beacon.api.apps;

import dev.beacon.api.core.Dates;
import io.vertx.core.json.JsonObject;

/** Apps as the seed shows them. */
final class AppJson {
  private AppJson() {}

  /** For the owning developer: with the app key and the DSN as this caller reaches the server. */
  static JsonObject forOwner(App a, Dsn.Origin origin) {
    return common(a, origin).put("appKey", a.appKey);
  }

  /** For the admin list: with the owner's openId, without the app key (as the seed's sample). */
  static JsonObject forAdmin(App a, Dsn.Origin origin) {
    return common(a, origin).put("openId", a.openId);
  }

  private static JsonObject common(App a, Dsn.Origin origin) {
    return new JsonObject()
        .put("appId", a.appId)
        .put("name", a.name)
        .put("platform", a.platform)
        .put("desc", a.desc)
        .put("icon", a.icon)
        .put("status", a.status)
        .put("timeZone", a.zone().getId())
        .put("createDate", Dates.format(a.createdAt))
        .put("updateDate", Dates.format(a.updatedAt))
        .put("sentryProjectId", a.sentryProjectId)
        .put("dsn", Dsn.of(a, origin));
  }
}
