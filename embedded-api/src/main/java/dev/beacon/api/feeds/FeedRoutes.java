package dev.beacon.api.feeds;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Routes;
import dev.beacon.api.files.Downloads;
import dev.beacon.api.releases.Asker;
import dev.beacon.api.releases.Catalog;
import dev.beacon.api.telemetry.Installs;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /feeds/{appKey}/{file}}: the update feeds ({@link FeedFile}), public because updaters
 * cannot send Beacon's headers, the app named by its key in the path (an unknown key 4001, a
 * frozen app 4003). Each answer carries an {@code ETag} (of its bytes) and {@code Last-Modified}
 * (the app's last version change); {@code If-None-Match} (or {@code If-Modified-Since}) that still
 * matches gets 304. A request naming its install ({@code x-user-staging-id}, {@code stagingId})
 * counts in usage like a heartbeat unless the app switched that off.
 */
final class FeedRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(FeedRoutes.class);
  static final String PREFIX = "/feeds/";
  static final String STAGING_HEADER = "x-user-staging-id";
  /** The version a sighting is counted under when the updater does not say which it runs. */
  static final String UNKNOWN_VERSION = "unknown";

  private final Db db;
  private final Installs installs;
  private final CatalogCache cache = new CatalogCache();

  FeedRoutes(Db db, Installs installs) {
    this.db = db;
    this.installs = installs;
  }

  void mount(Routes routes) {
    routes.get(PREFIX + ":appKey/:file").open(this::feed);
  }

  /** What a feed request reads in its transaction. */
  private record Read(App app, boolean countUsage, Catalog catalog) {}

  /** What is answered. */
  private record Answer(String body, String contentType, Instant lastModified) {}

  private void feed(RoutingContext ctx) {
    String appKey = ctx.pathParam("appKey");
    FeedFile f = FeedFile.parse(ctx.pathParam("file"), ctx.queryParams().get("channel"), ctx.queryParams().get("os"));
    String installId = installId(ctx, f);
    String localVersion = trimmed(ctx.queryParams().get("localVersion"), 128);
    db.tx(s -> {
      App app = AppAccess.byKey(s, appKey);
      FeedSettings settings = s.find(FeedSettings.class, app.appId);
      return new Read(app, settings == null || settings.countUsage, cache.get(s, app.appId));
    }).compose(r -> db.blocking(() -> answer(ctx, f, r, installId, localVersion)).compose(a -> {
      if (!r.countUsage() || installId == null) {
        return io.vertx.core.Future.succeededFuture(a);
      }
      // counted like a heartbeat, answered once logged; a refusal (queue full) does not fail the feed
      return installs.sighting(appKey, installId, localVersion != null ? localVersion : UNKNOWN_VERSION)
          .otherwise(e -> {
            LOG.debug("a feed request was not counted in usage: {}", e.toString());
            return false;
          }).map(counted -> a);
    })).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        send(ctx, ar.result());
      }
    });
  }

  private Answer answer(RoutingContext ctx, FeedFile f, Read r, String installId, String localVersion) {
    App app = r.app();
    UnaryOperator<String> absolute = url -> Downloads.absolute(ctx, url);
    Asker asker = new Asker(app.secret, installId, f.channel(), localVersion, null,
        () -> installs.latestVersion(app.appId, app.secret, installId));
    Instant modified = r.catalog().stamp().lastChange();
    return switch (f.kind()) {
      case SPARKLE -> new Answer(SparkleFeed.write(r.catalog(), f, app.name, absolute), "application/xml; charset=utf-8", modified);
      case VELOPACK -> new Answer(VelopackFeed.write(r.catalog(), f, asker, packageId(ctx, app), absolute),
          "application/json; charset=utf-8", modified);
      case ELECTRON -> new Answer(ElectronFeed.choose(r.catalog(), f, asker)
          .map(b -> ElectronFeed.write(b, f, installId != null, absolute))
          .orElseThrow(() -> ApiException.notFound("no released version with a " + f.platform() + " package (with its sha512) on channel "
              + f.channel() + " for this install")), "text/yaml; charset=utf-8", modified);
    };
  }

  private static void send(RoutingContext ctx, Answer a) {
    String etag = "\"" + sha256(a.body()) + "\"";
    var resp = ctx.response()
        .putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.VARY, STAGING_HEADER);
    if (a.lastModified() != null) {
      resp.putHeader(HttpHeaders.LAST_MODIFIED, httpDate(a.lastModified()));
    }
    if (notModified(ctx, etag, a.lastModified())) {
      resp.setStatusCode(304).end();
      return;
    }
    resp.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, a.contentType()).end(a.body());
  }

  /** If-None-Match decides when sent; else If-Modified-Since (to the second). */
  static boolean notModified(RoutingContext ctx, String etag, Instant lastModified) {
    String inm = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (inm != null) {
      for (String tag : inm.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
          return true;
        }
      }
      return false;
    }
    String ims = ctx.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (ims == null || lastModified == null) {
      return false;
    }
    try {
      Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ims.trim(), Instant::from);
      return lastModified.getEpochSecond() <= since.getEpochSecond();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The install an updater names: electron-updater's header, Velopack's {@code stagingId}. */
  private static String installId(RoutingContext ctx, FeedFile f) {
    String id = switch (f.kind()) {
      case ELECTRON -> ctx.request().getHeader(STAGING_HEADER);
      case VELOPACK -> ctx.queryParams().get("stagingId");
      case SPARKLE -> null;
    };
    return trimmed(id, 255);
  }

  /** Velopack's package id: the query's {@code id}, else the app's name without spaces. */
  private static String packageId(RoutingContext ctx, App app) {
    String id = trimmed(ctx.queryParams().get("id"), 255);
    return id != null ? id : app.name.replaceAll("[^A-Za-z0-9._-]", "");
  }

  private static String trimmed(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    return t.length() > max ? t.substring(0, max) : t;
  }

  /** An HTTP date (RFC 1123), which is also RSS's RFC 822 date. */
  static String httpDate(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
  }

  private static String sha256(String body) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
