package dev.beacon.desktop.shell;

import dev.beacon.api.Beacon;
import dev.beacon.api.Main;
import dev.beacon.api.core.BeaconServer;
import dev.beacon.api.core.Config;
import dev.beacon.api.core.StartupGarbage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the embedded server in this process: the only class of the console that touches
 * {@code embedded-api}. Its methods block (the database opens, Hibernate boots): call them from a
 * background task, never from the FX thread. The server binds the loopback address until the user
 * lets LAN clients in; then every interface.
 */
public final class ServerHost {
  /** The address the console's server binds while only this computer may reach it. */
  public static final String HOST = "127.0.0.1";
  /** The address it binds once LAN clients may reach it. */
  public static final String ALL_INTERFACES = "0.0.0.0";
  public static final int DEFAULT_PORT = Config.DEFAULT_PORT;

  private final AtomicReference<Begun> begun = new AtomicReference<>();
  private BeaconServer server;
  private ServerInfo info;
  private Thread shutdownHook;

  /** The per-user data folder of the OS. */
  public static Path defaultDataDir() {
    return Config.defaultDataDir();
  }

  /** The server without a window: {@code beacon.jar --headless ...}. */
  public static void runHeadless(String[] args) {
    Main.main(args);
  }

  /**
   * Starts the server and waits until it listens. When the port is the default (not chosen) and
   * taken, a free port is used instead and {@link ServerInfo#note()} says so.
   */
  public synchronized ServerInfo start(ConsoleOptions options, boolean lan) throws Exception {
    return start(options, lan, false);
  }

  /** As {@link #start(ConsoleOptions, boolean)}, with self-registration of developer accounts on or off. */
  public ServerInfo start(ConsoleOptions options, boolean lan, boolean selfRegistration) throws Exception {
    Begun b = begun.getAndSet(null);
    if (b != null) {
      boolean same = b.options().equals(options) && b.lan() == lan && b.selfRegistration() == selfRegistration;
      try {
        ServerInfo early = b.info().get();
        if (same) {
          return early;
        }
        stop(); // the settings changed since: start again with them
      } catch (ExecutionException e) {
        if (same) {
          throw e.getCause() instanceof Exception ex ? ex : e;
        }
      }
    }
    return startNow(options, lan, selfRegistration);
  }

  /**
   * Starts the server as the console's saved settings say (their port, LAN access and
   * self-registration over {@code options}): what the window does, and what
   * {@link #begin(ConsoleOptions, ConsoleSettings)} began before it.
   */
  public ServerInfo start(ConsoleOptions options, ConsoleSettings settings) throws Exception {
    return start(settings.serverOptions(options), Boolean.TRUE.equals(settings.lanAllowed()), settings.selfRegistration());
  }

  /** Begins {@link #start(ConsoleOptions, ConsoleSettings)}, as {@link #begin(ConsoleOptions, boolean, boolean)} does. */
  public void begin(ConsoleOptions options, ConsoleSettings settings) {
    begin(settings.serverOptions(options), Boolean.TRUE.equals(settings.lanAllowed()), settings.selfRegistration());
  }

  /**
   * Begins {@link #start} on a thread of its own, before the window is built, so that the server's
   * start and JavaFX's overlap; the first {@code start} then takes its result (waiting for it), or,
   * if asked with other arguments, stops what it started and starts again.
   */
  public void begin(ConsoleOptions options, boolean lan, boolean selfRegistration) {
    CompletableFuture<ServerInfo> info = new CompletableFuture<>();
    if (!begun.compareAndSet(null, new Begun(options, lan, selfRegistration, info))) {
      throw new IllegalStateException("a start was already begun");
    }
    Thread t = new Thread(() -> {
      try {
        info.complete(startNow(options, lan, selfRegistration));
      } catch (Throwable e) {
        info.completeExceptionally(e);
      }
    }, "beacon-server-start");
    t.setDaemon(true);
    t.start();
  }

  /** A start begun by {@link #begin}, until {@link #start} takes it. */
  private record Begun(ConsoleOptions options, boolean lan, boolean selfRegistration, CompletableFuture<ServerInfo> info) {}

  private synchronized ServerInfo startNow(ConsoleOptions options, boolean lan, boolean selfRegistration) throws Exception {
    if (server != null) {
      throw new IllegalStateException("the server is already running on port " + server.port());
    }
    int wanted = options.port();
    boolean mayFallBack = !options.portChosen() && wanted != 0;
    String bind = lan ? ALL_INTERFACES : HOST;
    int port = mayFallBack && !isFree(bind, wanted) ? 0 : wanted;
    BeaconServer s;
    try {
      s = Beacon.startBlocking(config(options, bind, port).selfRegistration(selfRegistration));
    } catch (Exception e) {
      if (port == 0 || !mayFallBack || !isBindFailure(e)) {
        throw e;
      }
      port = 0; // taken between the check and the bind
      s = Beacon.startBlocking(config(options, bind, port).selfRegistration(selfRegistration));
    }
    String note = port != wanted && wanted != 0
        ? "Port " + wanted + " is in use by another program, so Beacon is on port " + s.port() + " this time."
        : null;
    server = s;
    StartupGarbage.collectSoon();
    info = new ServerInfo(bind, s.port(), options.dataDir(), note);
    shutdownHook = new Thread(this::stopQuietly, "beacon-console-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    return info;
  }

  /** The running server, or {@code null}. */
  public synchronized ServerInfo info() {
    return info;
  }

  public synchronized boolean running() {
    return server != null;
  }

  /** Stops the server (in-flight requests may finish) and waits; does nothing when it is not running. */
  public synchronized void stop() throws Exception {
    BeaconServer s = server;
    if (s == null) {
      return;
    }
    server = null;
    info = null;
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs (and finds nothing left to stop)
      }
    }
    shutdownHook = null;
    s.stopBlocking();
  }

  /** The shutdown hook's work (e.g. on SIGTERM): stop, and say so as the headless server does. */
  private void stopQuietly() {
    try {
      if (running()) {
        stop();
        System.out.println("Beacon stopped");
      }
    } catch (Exception e) {
      System.err.println("beacon: unclean stop: " + e);
    }
  }

  private static Config config(ConsoleOptions options, String bind, int port) {
    return Config.defaults().host(bind).port(port).dataDir(options.dataDir());
  }

  private static boolean isFree(String bind, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
        return true;
      }
    }
    return false;
  }
}
