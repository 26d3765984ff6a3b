package dev.beacon.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two stored forms: PBKDF2 for any password, a salted SHA-256 only for one Beacon generated. */
class PasswordsTest {
  @Test
  void aGeneratedPasswordIsStoredSaltedWithoutPbkdf2() {
    String password = Passwords.generate(Passwords.GENERATED_LENGTH);
    long derived = Passwords.derived();
    String stored = Passwords.hashGenerated(password);
    String again = Passwords.hashGenerated(password);
    assertTrue(stored.startsWith("generated-sha256$"), stored);
    assertNotEquals(stored, again, "a salt of its own each time");
    assertTrue(Passwords.verify(password, stored));
    assertTrue(Passwords.verify(password, again));
    assertFalse(Passwords.verify(password + "x", stored));
    assertFalse(Passwords.verify(password.substring(1), stored));
    assertEquals(derived, Passwords.derived(), "no PBKDF2");
  }

  @Test
  void onlyAPasswordAsLongAsAGeneratedOneMayBeStoredThatWay() {
    assertThrows(IllegalArgumentException.class, () -> Passwords.hashGenerated("Correct-Horse-9"));
  }

  @Test
  void anyOtherPasswordGoesThroughPbkdf2() {
    long derived = Passwords.derived();
    String stored = Passwords.hash("a chosen password");
    assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
    assertTrue(Passwords.verify("a chosen password", stored));
    assertFalse(Passwords.verify("a chosen passworD", stored));
    assertEquals(derived + 3, Passwords.derived());
    assertFalse(Passwords.verify("x", "generated-sha256$bad"), "a malformed stored form verifies nothing");
  }
}
