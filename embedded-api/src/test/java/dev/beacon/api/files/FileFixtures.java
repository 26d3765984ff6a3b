package dev.beacon.api.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Multipart uploads for the file tests, built by hand so their size and shape are exact. */
final class FileFixtures {
  static final String BOUNDARY = "----beacon-test-boundary-7d9a";
  static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  private FileFixtures() {}

  /** The bytes before the file's content: one part named {@code field}, as a browser sends it. */
  static byte[] head(String field, String filename) {
    return ("--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"note\"\r\n\r\nnot the file\r\n"
        + "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes after the file's content. */
  static byte[] tail() {
    return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A whole multipart body carrying {@code content} in {@code field}. */
  static byte[] multipart(String field, String filename, byte[] content) {
    byte[] head = head(field, filename);
    byte[] tail = tail();
    byte[] all = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
    return all;
  }

  /** Uploads bytes as {@code uploadfile} with a Content-Length. */
  static Resp upload(Api as, String path, String filename, byte[] content) {
    return as.send(as.request(path).header("Content-Type", MULTIPART)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("uploadfile", filename, content))));
  }

  /** Uploads a stream as {@code uploadfile} in chunked encoding (no Content-Length). */
  static Resp uploadChunked(Api as, String path, String filename, InputStream content) {
    return as.send(as.request(path).header("Content-Type", MULTIPART)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
            new SequenceInputStream(new ByteArrayInputStream(head("uploadfile", filename)), content),
            new ByteArrayInputStream(tail())))));
  }

  /** The request line and headers of a raw multipart upload, for tests that write the body themselves. */
  static byte[] uploadHead(Api as, String path, long contentLength, String... extraHeaders) {
    StringBuilder h = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .append("X-Auth-Token: ").append(as.token).append("\r\nX-Openid: ").append(as.openId).append("\r\n")
        .append("Content-Type: ").append(MULTIPART).append("\r\nContent-Length: ").append(contentLength).append("\r\n");
    for (String extra : extraHeaders) {
      h.append(extra).append("\r\n");
    }
    return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static String md5(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deterministic bytes that do not compress. */
  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  /** The stored files and the incoming (temporary) files in a data folder. */
  static List<Path> storedFiles(Path dataDir) {
    return list(dataDir.resolve("files"));
  }

  static List<Path> incomingFiles(Path dataDir) {
    return list(dataDir.resolve("files").resolve(".incoming"));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a request as raw bytes (so nothing normalizes the target) with Connection: close and
   * returns the whole answer as text: status line, headers and body.
   */
  static String raw(int port, String method, String target) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status code of a raw answer. */
  static int status(String rawAnswer) {
    return Integer.parseInt(rawAnswer.substring(9, 12));
  }
}
