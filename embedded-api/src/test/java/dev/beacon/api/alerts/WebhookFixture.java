package dev.beacon.api.alerts;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the webhook tests open with, for their whole class: a test server started with their
 * {@code beacon.alerts.*} waits ({@link AlertFixtures#startWith}), a local webhook receiver and a
 * developer. Closing it (after the class) stops both servers and clears the waits. Register it with
 * {@code @RegisterExtension static final WebhookFixture fixture = new WebhookFixture(WAITS);}.
 */
final class WebhookFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private final Map<String, String> waits;
  TestServer server;
  Hooks hooks;
  Api dev;

  WebhookFixture(Map<String, String> waits) {
    this.waits = Map.copyOf(waits);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    try {
      server = AlertFixtures.startWith(waits);
      hooks = new Hooks();
      dev = server.newDeveloper();
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  @Override
  public void close() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (hooks != null) {
        hooks.close();
      }
      AlertFixtures.clear(waits);
    }
  }
}
