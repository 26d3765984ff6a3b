package dev.beacon.api.files;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.ServerContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Uploading and deleting files. {@code POST /v1/user/uploadfile} (any signed-in developer; the
 * guard on {@code /v1/user/*} runs first) and {@code POST /v1/uploadfile} (an admin) take a
 * multipart field {@code uploadfile}, streamed to disk; {@code DELETE} on either path plus
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
  private final AuthGuard guard;

  UploadRoutes(ServerContext sc, FileStore store, FilesService files) {
    this.db = sc.db();
    this.store = store;
    this.files = files;
    this.limit = sc.config().uploadLimit();
    this.guard = new AuthGuard(sc);
  }

  void mount(Router root) {
    root.post(USER_PATH).handler(this::upload);
    root.delete(USER_PATH + "/:filename").handler(this::delete);
    root.post(ADMIN_PATH).handler(guard.admin()).handler(this::upload);
    root.delete(ADMIN_PATH + "/:filename").handler(guard.admin()).handler(this::delete);
  }

  /** Whether a request is one of the uploads, whose body is streamed rather than buffered. */
  static boolean isUpload(RoutingContext ctx) {
    if (!ctx.request().method().name().equals("POST")) {
      return false;
    }
    String path = ctx.normalizedPath();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.equals(USER_PATH) || path.equals(ADMIN_PATH);
  }

  private void upload(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, UploadReceiver.receive(ctx, store.newTemp(), limit)
        .compose(r -> db.blocking(() -> files.keep(r, openId)))
        .map(f -> Http.okWithMessage()
            .put("id", f.id)
            .put("md5", f.md5)
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
