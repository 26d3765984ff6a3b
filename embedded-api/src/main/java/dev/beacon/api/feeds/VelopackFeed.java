package dev.beacon.api.feeds;

import dev.beacon.api.releases.AppVersion;
import dev.beacon.api.releases.Asker;
import dev.beacon.api.releases.Catalog;
import dev.beacon.api.releases.VersionPackage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Velopack's {@code releases.{channel}.json}: {@code {"Assets":[{PackageId, Version, Type:"Full",
 * FileName, SHA1, SHA256, Size, NotesMarkdown}]}}, one full package per version the install may
 * have (Velopack takes the newest). With {@code stagingId} in the query the install is bucketed as
 * Beacon buckets machines; without it only versions released to everyone are listed. A halted
 * version is listed only to an install whose {@code localVersion} (or latest heartbeat) is it.
 */
final class VelopackFeed {
  private VelopackFeed() {}

  static String write(Catalog catalog, FeedFile f, Asker asker, String packageId, UnaryOperator<String> absolute) {
    List<JsonObject> assets = new ArrayList<>();
    for (Catalog.Build b : catalog.builds()) {
      AppVersion v = b.version();
      Optional<VersionPackage> p = PackagePick.pick(b, f);
      if (p.isEmpty() || !asker.offerable(v)) {
        continue;
      }
      VersionPackage pkg = p.get();
      assets.add(0, new JsonObject()
          .put("PackageId", packageId)
          .put("Version", v.name)
          .put("Type", "Full")
          .put("FileName", absolute.apply(pkg.url))
          .put("SHA1", Hashes.upper(pkg.sha1))
          .put("SHA256", Hashes.upper(pkg.sha256))
          .put("Size", pkg.size == null ? 0 : pkg.size)
          .put("NotesMarkdown", v.desc == null ? "" : v.desc));
    }
    return new JsonObject().put("Assets", new JsonArray(assets)).encodePrettily();
  }
}
