package dev.beacon.api.content;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.ServerTest;
import org.junit.jupiter.api.BeforeAll;

/** The content tests' server, with its admin signed in. */
abstract class ContentApiTest extends ServerTest {
  static Api admin;

  @BeforeAll
  static void signInAdmin() {
    admin = server.admin();
  }
}
