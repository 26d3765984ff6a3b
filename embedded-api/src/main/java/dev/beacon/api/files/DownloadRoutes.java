package dev.beacon.api.files;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Routes;
import io.vertx.core.file.FileProps;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * {@code GET|HEAD /files/{filename}}: the public download of an uploaded file, with its
 * Content-Type from the extension, Content-Length, and single {@code Range} requests (206 with
 * Content-Range, 416 past the end) so clients can resume. Only server-made names are served
 * ({@link FileStore#path}); the file is sent zero-copy and never compressed.
 */
final class DownloadRoutes {
  private final FileStore store;

  DownloadRoutes(FileStore store) {
    this.store = store;
  }

  void mount(Routes routes) {
    routes.get(Downloads.PREFIX + ":filename").open(this::download);
    routes.head(Downloads.PREFIX + ":filename").open(this::download);
  }

  private void download(RoutingContext ctx) {
    String name = ctx.pathParam("filename");
    Path path = store.path(name);
    ctx.vertx().fileSystem().props(path.toString()).onComplete(ar -> {
      if (ar.failed() || !ar.result().isRegularFile()) {
        ctx.fail(ApiException.notFound("no file " + name));
        return;
      }
      send(ctx, name, path, ar.result());
    });
  }

  private static void send(RoutingContext ctx, String name, Path path, FileProps props) {
    long size = props.size();
    HttpServerResponse resp = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, FileNames.contentType(name))
        .putHeader(HttpHeaders.ACCEPT_RANGES, "bytes")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
        // identity: Vert.x's compression must leave the bytes (and the ranges) alone
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    ByteRange range = ByteRange.parse(ctx.request().getHeader("Range"), size);
    if (range != null && !range.satisfiable()) {
      resp.setStatusCode(416)
          .putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end(new JsonObject().put("code", ApiException.BAD_PARAMETER)
              .put("msg", "the requested range is outside the file (" + size + " bytes)").encode());
      return;
    }
    long offset = range == null ? 0 : range.start();
    long length = range == null ? size : range.length();
    resp.setStatusCode(range == null ? 200 : 206);
    if (range != null) {
      resp.putHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(size));
    }
    if (ctx.request().method() == HttpMethod.HEAD) {
      resp.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length)).end();
      return;
    }
    resp.sendFile(path.toString(), offset, length).onFailure(err -> ctx.request().connection().close());
  }
}
