package dev.beacon.api.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real server for all the tests of a class: port 0, a fresh H2 folder, stopped and removed
 * after the class. Subclasses add their own {@code @BeforeAll} (signed-in clients, fixtures); it
 * runs after this one.
 */
public abstract class ServerTest {
  protected static TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }
}
