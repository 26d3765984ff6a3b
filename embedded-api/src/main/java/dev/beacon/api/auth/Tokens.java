package dev.beacon.api.auth;

import dev.beacon.api.core.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Sign-in tokens: 32 random bytes for the client, their SHA-256 for the database. */
final class Tokens {
  private Tokens() {}

  static String newToken() {
    return Ids.randomHex(32);
  }

  static String hash(String token) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
