package dev.beacon.api.core;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Server-made identifiers and secrets: random, lower-case hex. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  /** A 32-character id for stored things (apps, versions, documents ...). */
  public static String newId() {
    return randomHex(16);
  }

  /** {@code bytes} random bytes as hex (twice as many characters). */
  public static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HEX.formatHex(b);
  }
}
