package dev.beacon.desktop.support;

import dev.beacon.desktop.Fx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;

/** A test class whose tests share one {@link LiveServer} and the FX toolkit. */
public abstract class LiveServerTest {
  protected static LiveServer server;

  @BeforeAll
  static void startServer() throws Exception {
    Fx.startToolkit();
    server = LiveServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    FxToolkit.cleanupStages();
    server.close();
  }
}
