package dev.beacon.desktop.support;

import dev.beacon.api.Beacon;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.desktop.TempDirs;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Io;
import dev.beacon.desktop.ui.ConsoleContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;

/**
 * A real Beacon server for console tests: port 0 on loopback, a fresh H2 folder, a known admin.
 * {@link #context()} is a {@link ConsoleContext} signed in as that admin, for driving one screen
 * in a test without the whole window.
 */
public final class LiveServer implements AutoCloseable {
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "console-test-password";

  private final Path data;
  private final BeaconServer server;
  private final ExecutorService io = Io.newExecutor();

  private LiveServer(Path data, BeaconServer server) {
    this.data = data;
    this.server = server;
  }

  public static LiveServer start() throws Exception {
    return start(c -> c);
  }

  /** A server on the defaults changed by {@code tune} (e.g. {@code c -> c.selfRegistration(true)}). */
  public static LiveServer start(UnaryOperator<Config> tune) throws Exception {
    Path data = TempDirs.create("beacon-console-test-");
    BeaconServer server = Beacon.startBlocking(tune.apply(Config.defaults().host("127.0.0.1").port(0)
        .dataDir(data).adminAccount(ADMIN).adminPassword(ADMIN_PASSWORD).quiet(true)));
    return new LiveServer(data, server);
  }

  public int port() {
    return server.port();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  public Path dataDir() {
    return data;
  }

  /** A client not signed in. */
  public BeaconClient anonymous() {
    return new BeaconClient(url());
  }

  /** A client signed in as the admin. */
  public BeaconClient admin() throws ApiError {
    BeaconClient c = anonymous();
    return c.as(c.login(ADMIN, ADMIN_PASSWORD));
  }

  /** A console context signed in as the admin, its calls on this server's own executor. Call on any thread. */
  public ConsoleContext context() throws ApiError {
    ConsoleContext ctx = new ConsoleContext(io);
    ctx.setClient(admin());
    ctx.setPublicUrl(url().toString());
    return ctx;
  }

  @Override
  public void close() throws Exception {
    io.shutdownNow();
    server.stopBlocking();
    TempDirs.delete(data);
  }
}
