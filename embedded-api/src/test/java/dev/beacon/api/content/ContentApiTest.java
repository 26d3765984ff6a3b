package dev.beacon.api.content;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real server for all the tests of a class, with its admin signed in. */
abstract class ContentApiTest {
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestServer.start();
    admin = server.admin();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }
}
