package dev.beacon.api.errors;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real server for all the tests of a class, with a developer signed in. */
abstract class IssueApiTest {
  static TestServer server;
  static Api dev;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestServer.start();
    dev = server.newDeveloper();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }
}
