package dev.beacon.api.errors;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;

/** The issue tests' server, with a developer signed in. */
abstract class IssueApiTest extends ServerTest {
  static Api dev;

  @BeforeAll
  static void signInDeveloper() {
    dev = server.newDeveloper();
  }
}
