package dev.beacon.api.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A machine's place in a staged rollout: a bucket from 0 to 9,999 taken from the HMAC-SHA256, under
 * the app's secret, of the machine id and the version id. A machine is inside a rollout of p
 * percent when its bucket is below p × 100. The bucket never changes, so raising the percentage
 * only adds machines; each version draws its own buckets, so the same machines are not always the
 * first to get a release; without the secret nobody can work out which machines come first.
 */
public final class RolloutBucket {
  public static final int BUCKETS = 10_000;
  private static final String ALGORITHM = "HmacSHA256";

  private RolloutBucket() {}

  /** The machine's bucket (0..9,999) for the version. */
  public static int of(String appSecret, String machineId, String versionId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update(versionId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] h = mac.doFinal(machineId.trim().getBytes(StandardCharsets.UTF_8));
      long first = ByteBuffer.wrap(h, 0, 8).getLong() >>> 1;
      return (int) (first % BUCKETS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Whether the machine is inside a rollout of {@code percent} (1-100) of the version. */
  public static boolean inside(String appSecret, String machineId, String versionId, int percent) {
    return percent >= 100 || of(appSecret, machineId, versionId) < percent * 100;
  }
}
