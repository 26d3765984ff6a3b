package dev.beacon.api.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * MD5, SHA-1, SHA-256 and SHA-512 of one stream of bytes, updated as the bytes pass (an upload
 * is hashed while it is written, never read twice). Not thread-safe.
 */
final class FileHashes {
  /** The four digests in lower-case hex. */
  record Digests(String md5, String sha1, String sha256, String sha512) {}

  private final MessageDigest md5 = digest("MD5");
  private final MessageDigest sha1 = digest("SHA-1");
  private final MessageDigest sha256 = digest("SHA-256");
  private final MessageDigest sha512 = digest("SHA-512");

  void update(byte[] bytes) {
    md5.update(bytes);
    sha1.update(bytes);
    sha256.update(bytes);
    sha512.update(bytes);
  }

  Digests digests() {
    HexFormat hex = HexFormat.of();
    return new Digests(hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()),
        hex.formatHex(sha512.digest()));
  }

  /** The digests of a file on disk (blocking): for files stored before Beacon kept the SHA digests. */
  static Digests of(Path file) throws IOException {
    FileHashes h = new FileHashes();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        if (n > 0) {
          h.update(n == buf.length ? buf : java.util.Arrays.copyOf(buf, n));
        }
      }
    }
    return h.digests();
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }
}
