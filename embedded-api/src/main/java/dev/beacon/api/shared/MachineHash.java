package dev.beacon.api.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Beacon stores instead of a client's machine id: hex HMAC-SHA256 of the id under the app's
 * secret. The same machine hashes the same within one app (so it can be counted once) and
 * differently across apps (so apps cannot be joined on it); the raw id cannot be recovered.
 */
public final class MachineHash {
  private static final String ALGORITHM = "HmacSHA256";

  private MachineHash() {}

  public static String of(String appSecret, String machineId) {
    Keyed last = LAST.get();
    if (last == null || !last.secret().equals(appSecret)) {
      last = new Keyed(appSecret, hasher(appSecret));
      LAST.set(last);
    }
    return last.hasher().apply(machineId);
  }

  /** A thread's last keyed MAC: keying one costs more than hashing an id, and a thread mostly hashes for one app at a time. */
  private record Keyed(String secret, java.util.function.UnaryOperator<String> hasher) {}

  private static final ThreadLocal<Keyed> LAST = new ThreadLocal<>();

  /** Hashes many ids under one secret with one keyed MAC (not thread-safe: one per thread). */
  public static java.util.function.UnaryOperator<String> hasher(String appSecret) {
    Mac mac;
    try {
      mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
    return machineId -> HexFormat.of().formatHex(mac.doFinal(machineId.getBytes(StandardCharsets.UTF_8)));
  }
}
