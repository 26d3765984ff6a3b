package dev.beacon.api.alerts;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.TestServer;
import java.util.Map;

/**
 * What the webhook tests open with: a test server started with their {@code beacon.alerts.*}
 * waits ({@link AlertFixtures#startWith}), a local webhook receiver and a developer. Closing it
 * stops both servers and clears the waits.
 */
final class WebhookFixture implements AutoCloseable {
  final TestServer server;
  final Hooks hooks;
  final Api dev;
  private final Map<String, String> waits;

  private WebhookFixture(TestServer server, Hooks hooks, Api dev, Map<String, String> waits) {
    this.server = server;
    this.hooks = hooks;
    this.dev = dev;
    this.waits = waits;
  }

  static WebhookFixture start(Map<String, String> waits) throws Exception {
    TestServer server = AlertFixtures.startWith(waits);
    Hooks hooks = null;
    try {
      hooks = new Hooks();
      return new WebhookFixture(server, hooks, server.newDeveloper(), waits);
    } catch (Exception | Error e) {
      if (hooks != null) {
        hooks.close();
      }
      server.close();
      AlertFixtures.clear(waits);
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
      hooks.close();
    } finally {
      AlertFixtures.clear(waits);
    }
  }
}
