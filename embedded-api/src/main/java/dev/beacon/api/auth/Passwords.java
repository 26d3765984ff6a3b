package dev.beacon.api.auth;

import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with the JDK's PBKDF2-HMAC-SHA256 at OWASP's recommended 600,000 iterations
 * (stored in each hash, so the figure can be raised later without breaking old ones), a 16-byte
 * random salt and a constant-time comparison.
 *
 * <p>A password Beacon generated itself ({@link #generate}; the first admin's) is stored as a salted
 * SHA-256 instead ({@link #hashGenerated}): key stretching makes a guessable password costly to
 * guess, and 20 random characters over 56 letters (116 bits) are not guessable at any cost, so the
 * second of PBKDF2 at the first start and at each sign-in with it bought nothing.
 */
public final class Passwords {
  static final int ITERATIONS = 600_000;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final String GENERATED_PREFIX = "generated-sha256";
  /** The length of a generated password Beacon stores with {@link #hashGenerated}. */
  static final int GENERATED_LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] dk = derive(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
  }

  /**
   * The stored form of a password {@link #generate} made with at least {@value #GENERATED_LENGTH}
   * characters, and only of such a password: a salted SHA-256 (see the class comment).
   *
   * @throws IllegalArgumentException for a shorter password, which must go through {@link #hash}
   */
  static String hashGenerated(String password) {
    if (password.length() < GENERATED_LENGTH) {
      throw new IllegalArgumentException("only a generated password of " + GENERATED_LENGTH + " characters or more is stored without PBKDF2");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return GENERATED_PREFIX + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(sha256(salt, password));
  }

  public static boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length == 3 && parts[0].equals(GENERATED_PREFIX)) {
      return MessageDigest.isEqual(sha256(Base64.getDecoder().decode(parts[1]), password), Base64.getDecoder().decode(parts[2]));
    }
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(derive(password, salt, iterations), expected);
  }

  private static byte[] sha256(byte[] salt, String password) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt);
      return d.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A random password of {@code length} characters without look-alike letters. */
  public static String generate(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** How many keys {@link #derive} made in this JVM (each one a fifth of a second of a core or more, on purpose). */
  private static final java.util.concurrent.atomic.LongAdder DERIVED = new java.util.concurrent.atomic.LongAdder();

  static long derived() {
    return DERIVED.sum();
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    DERIVED.increment();
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }
}
