package dev.beacon.api.files;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.StreamedBody;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Receives one {@code multipart/form-data} upload: the part named {@code uploadfile} is written to
 * a temporary file as it arrives, never held in memory, while its size and its MD5, SHA-1,
 * SHA-256 and SHA-512 are computed (one pass, no second read);
 * other parts are dropped. Going over the size limit, a broken connection or a failed write
 * aborts it: the temporary file is deleted before the result fails. Runs on the event loop.
 */
final class UploadReceiver {
  static final String FIELD = "uploadfile";
  /** Room for the multipart framing around the file when the Content-Length is checked up front. */
  static final long FRAMING_ALLOWANCE = 64 * 1024;

  /** A complete upload waiting in its temporary file. */
  record Received(Path temp, long size, FileHashes.Digests hashes, String originalName, String contentType) {}

  private final Vertx vertx;
  private final RoutingContext ctx;
  private final Path temp;
  private final long limit;
  private final Promise<Received> result = Promise.promise();
  private final FileHashes hashes = new FileHashes();
  private AsyncFile file;
  private HttpServerFileUpload upload;
  private long size;
  /** Whether the file part has delivered all its bytes (it may lag behind the request while paused). */
  private boolean partEnded;
  private boolean requestEnded;
  private boolean over;

  private UploadReceiver(RoutingContext ctx, Path temp, long limit) {
    this.vertx = ctx.vertx();
    this.ctx = ctx;
    this.temp = temp;
    this.limit = limit;
  }

  /** Streams the request's {@code uploadfile} part to {@code temp}, at most {@code limit} bytes of it. */
  static Future<Received> receive(RoutingContext ctx, Path temp, long limit) {
    HttpServerRequest req = ctx.request();
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Future.failedFuture(ApiException.badParameter(
          "the body must be multipart/form-data with the file in the field " + FIELD + (type == null ? "" : ", not " + type)));
    }
    Long declared = contentLength(req);
    if (declared != null && declared > limit + FRAMING_ALLOWANCE) {
      return Future.failedFuture(tooLarge(limit));
    }
    return new UploadReceiver(ctx, temp, limit).start();
  }

  private Future<Received> start() {
    vertx.fileSystem().open(temp.toString(), new OpenOptions().setWrite(true).setCreateNew(true)).onComplete(ar -> {
      if (ar.failed()) {
        result.tryFail(ar.cause());
        return;
      }
      file = ar.result();
      file.exceptionHandler(this::abort);
      HttpServerRequest req = ctx.request();
      req.setExpectMultipart(true);
      req.uploadHandler(this::part);
      req.exceptionHandler(err -> abort(interrupted(err)));
      req.endHandler(v -> {
        requestEnded = true;
        finishWhenComplete();
      });
      StreamedBody.proceed(ctx);
    });
    return result.future();
  }

  private void part(HttpServerFileUpload u) {
    if (over || upload != null || !FIELD.equals(u.name())) {
      u.handler(buf -> { });
      return;
    }
    upload = u;
    u.handler(this::data);
    u.exceptionHandler(err -> abort(interrupted(err)));
    u.endHandler(v -> {
      partEnded = true;
      finishWhenComplete();
    });
  }

  private void data(Buffer buf) {
    if (over) {
      return;
    }
    size += buf.length();
    if (size > limit) {
      abort(tooLarge(limit));
      return;
    }
    hashes.update(buf.getBytes());
    file.write(buf).onFailure(this::abort);
    if (file.writeQueueFull()) {
      upload.pause();
      file.drainHandler(v -> {
        if (!over) {
          upload.resume();
        }
      });
    }
  }

  /** Completes once the request has ended and the file part has delivered everything. */
  private void finishWhenComplete() {
    if (over || !requestEnded || upload != null && !partEnded) {
      return;
    }
    if (upload == null || size == 0) {
      abort(ApiException.badParameter(upload == null
          ? "the multipart field " + FIELD + " (a file) is required"
          : "the file in " + FIELD + " is empty"));
      return;
    }
    over = true;
    Received r = new Received(temp, size, hashes.digests(),
        FileNames.baseName(upload.filename()), contentType(upload.contentType()));
    file.close().onComplete(ar -> {
      if (ar.succeeded()) {
        result.tryComplete(r);
      } else {
        deleteTempThenFail(ar.cause());
      }
    });
  }

  /** Stops receiving: the rest of the body is left to be dropped, the temporary file is deleted, the result fails. */
  private void abort(Throwable why) {
    if (over) {
      return;
    }
    over = true;
    if (upload != null) {
      upload.resume();
    }
    Future<Void> closed = file == null ? Future.succeededFuture() : file.close();
    closed.onComplete(ar -> deleteTempThenFail(why));
  }

  private void deleteTempThenFail(Throwable why) {
    vertx.fileSystem().delete(temp.toString()).onComplete(ar -> result.tryFail(why));
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException(ApiException.TOO_LARGE,
        "the file in " + FIELD + " is larger than the upload limit of " + limit + " bytes (" + human(limit) + ")");
  }

  /** A client that went away: not a server error, so it is answered (if anyone listens) as a 4000. */
  private static Throwable interrupted(Throwable err) {
    return err instanceof ApiException ? err : ApiException.badParameter("the upload was interrupted: " + err.getMessage());
  }

  private static Long contentLength(HttpServerRequest req) {
    String v = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return v == null ? null : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String contentType(String declared) {
    if (declared == null || declared.isBlank() || declared.length() > 255 || declared.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    return declared.trim();
  }

  static String human(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
