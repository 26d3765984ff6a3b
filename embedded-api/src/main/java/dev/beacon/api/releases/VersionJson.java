package dev.beacon.api.releases;

import dev.beacon.api.core.Dates;
import dev.beacon.api.files.Downloads;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Versions as the seed shows them, in lists and details alike. */
public final class VersionJson {
  private VersionJson() {}

  static JsonObject of(AppVersion v, VersionDetails d) {
    List<String> platforms = Platforms.list(v.platforms);
    return common(v, d)
        .put("appVersionId", v.versionId)
        .put("active", v.active())
        .put("forceUpdate", v.forceUpdate)
        .put("platforms", platforms == null ? null : new JsonArray(platforms));
  }

  /** The fields every version has (app and module versions alike), with its packages and history. */
  public static JsonObject common(PackagedVersion v, VersionDetails d) {
    return new JsonObject()
        .put("versionId", v.versionId)
        .put("name", v.name)
        .put("code", v.code)
        .put("url", v.url)
        .put("md5", v.md5)
        .put("desc", v.desc)
        .put("deviceIds", v.deviceIds)
        .put("createDate", Dates.format(v.createdAt))
        .put("updateDate", Dates.format(v.updatedAt))
        .put("releaseDate", Dates.format(v.releasedAt))
        .put("channel", v.channel)
        .put("rollout", v.rollout)
        .put("state", v.state)
        .put("downgrade", v.downgrade)
        .put("minimumSystemVersion", v.minSystemVersion)
        .put("packages", d.packagesJson(v.versionId))
        .put("history", d.historyJson(v.versionId));
  }

  /**
   * A version offered to a client as family B's upgrade answers show it ({@code versionName,
   * versionCode, md5, url, desc, updateTime, strategy{deviceIds}}), its url made absolute when it
   * is Beacon's own download route.
   */
  public static JsonObject offer(PackagedVersion v, RoutingContext ctx) {
    return new JsonObject()
        .put("versionName", v.name)
        .put("versionCode", v.code)
        .put("md5", v.md5)
        .put("url", Downloads.absolute(ctx, v.url))
        .put("desc", v.desc)
        .put("updateTime", Dates.format(v.releasedAt))
        .put("strategy", new JsonObject().put("deviceIds", v.deviceIds))
        .put("channel", v.channel)
        .put("downgrade", v.downgrade);
  }
}
