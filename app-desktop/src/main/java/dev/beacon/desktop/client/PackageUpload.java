package dev.beacon.desktop.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Uploads a package to {@code POST /v1/user/uploadfile}: the file streamed from disk as the
 * multipart field {@code uploadfile}, with a Content-Length, counting the bytes sent for a
 * progress bar. Blocking: from a background task.
 */
public final class PackageUpload {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();

  private PackageUpload() {}

  /** What the server keeps: its id, md5, stored name, size and the URL to download it. */
  public record Uploaded(String id, String md5, String filename, long size, String url) {}

  /** Uploads {@code file} as the signed-in developer; {@code sent} gets the bytes of the file sent so far. */
  static Uploaded send(BeaconClient client, Path file, LongConsumer sent) throws ApiError, IOException {
    if (client.session() == null) {
      throw new IllegalStateException("not signed in");
    }
    String boundary = "beacon-" + UUID.randomUUID();
    String name = file.getFileName().toString().replace("\"", "_").replace("\r", "_").replace("\n", "_");
    String type = URLConnection.guessContentTypeFromName(name);
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"" + name
        + "\"\r\nContent-Type: " + (type == null ? "application/octet-stream" : type) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long size = Files.size(file);
    HttpRequest req = HttpRequest.newBuilder(client.base().resolve("v1/user/uploadfile"))
        .timeout(Duration.ofHours(1))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .header("X-Auth-Token", client.session().token())
        .header("X-Openid", client.session().openId())
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
          try {
            return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new Counting(Files.newInputStream(file), sent), new ByteArrayInputStream(tail))));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }), head.length + size + tail.length))
        .build();
    HttpResponse<String> resp;
    try {
      resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(ApiError.UNREACHABLE, "the upload was cancelled", e);
    } catch (IOException e) {
      throw new ApiError(ApiError.UNREACHABLE, "upload to " + client.base() + " failed: " + e.getMessage(), e);
    }
    JsonObject j;
    try {
      j = new JsonObject(resp.body());
    } catch (DecodeException | ClassCastException e) {
      throw new ApiError(ApiError.BAD_ANSWER, "unexpected answer to the upload (HTTP " + resp.statusCode() + ")", e);
    }
    int code = j.getInteger("code", -1);
    if (code != 1000) {
      throw new ApiError(code, j.getString("msg", "HTTP " + resp.statusCode()));
    }
    return new Uploaded(String.valueOf(j.getValue("id")), j.getString("md5"), j.getString("filename"),
        j.getLong("size", size), j.getString("url"));
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer sent;
    private long total;

    Counting(InputStream in, LongConsumer sent) {
      super(in);
      this.sent = sent;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        sent.accept(++total);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        total += n;
        sent.accept(total);
      }
      return n;
    }
  }
}
