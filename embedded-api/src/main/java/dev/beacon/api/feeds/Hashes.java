package dev.beacon.api.feeds;

import java.util.Base64;
import java.util.HexFormat;

/** Hash spellings: Beacon stores hex; electron-updater wants base64, Velopack upper-case hex. */
final class Hashes {
  private Hashes() {}

  static String base64(String hex) {
    return hex == null ? null : Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  static String upper(String hex) {
    return hex == null ? null : hex.toUpperCase(java.util.Locale.ROOT);
  }
}
