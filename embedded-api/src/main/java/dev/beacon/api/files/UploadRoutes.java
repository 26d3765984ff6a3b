package dev.beacon.api.files;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.RoutingContext;

/**
 * Uploading and deleting files. {@code POST /v1/user/uploadfile} (any signed-in developer) and
 * {@code POST /v1/uploadfile} (an admin) take a multipart field {@code uploadfile}, streamed to disk; {@code DELETE} on either path plus
 * {@code /{filename}} removes one. Answers carry both {@code msg} and {@code message}, as the
 * seed's samples for these endpoints do.
 */
final class UploadRoutes {
  static final String USER_PATH = "/v1/user/uploadfile";
  static final String ADMIN_PATH = "/v1/uploadfile";

  private final Db db;
  private final FileStore store;
  private final FilesService files;
  private final long limit;

  UploadRoutes(ServerContext sc, FileStore store, FilesService files) {
    this.db = sc.db();
    this.store = store;
    this.files = files;
    this.limit = sc.config().uploadLimit();
  }

  void mount(Routes routes) {
    routes.post(USER_PATH).streamedBody().developer(this::upload);
    routes.delete(USER_PATH + "/:filename").developer(this::delete);
    routes.post(ADMIN_PATH).streamedBody().admin(this::upload);
    routes.delete(ADMIN_PATH + "/:filename").admin(this::delete);
  }

  private void upload(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, UploadReceiver.receive(ctx, store.newTemp(), limit)
        .compose(r -> db.blocking(() -> files.keep(r, openId)))
        .map(f -> Http.okWithMessage()
            .put("id", f.id)
            .put("md5", f.md5)
            .put("sha1", f.sha1)
            .put("sha256", f.sha256)
            .put("sha512", f.sha512)
            .put("filename", f.filename)
            .put("size", f.size)
            .put("url", Downloads.path(f.filename))));
  }

  private void delete(RoutingContext ctx) {
    Principal who = Principal.of(ctx);
    String filename = ctx.pathParam("filename");
    Http.reply(ctx, db.blocking(() -> {
      files.delete(who, filename);
      return Http.okWithMessage();
    }));
  }
}
