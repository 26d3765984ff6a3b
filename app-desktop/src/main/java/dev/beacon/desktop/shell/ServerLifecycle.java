package dev.beacon.desktop.shell;

import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Health;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * The embedded server's lifecycle (or the remote server's, with {@link #attach}): starting,
 * running, restarting with other settings or LAN access, stopping; where it listens; and what
 * {@code /health} says. Holds no Nodes. Starting and stopping the server and every server call run as {@link Task}s on
 * the {@code io} executor, never on the FX thread; the properties change on the FX thread only,
 * and the methods are to be called from it.
 */
public final class ServerLifecycle {
  private final ServerHost host;
  private final ConsoleOptions options;
  private final Function<URI, BeaconClient> clients;
  private final Executor io;
  private final Duration refreshEvery;

  private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(this, "state", ServerState.STARTING);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
  private final ReadOnlyStringWrapper lanAddress = new ReadOnlyStringWrapper(this, "lanAddress", "");
  private final ReadOnlyStringWrapper port = new ReadOnlyStringWrapper(this, "port", "");
  private final ReadOnlyStringWrapper localUrl = new ReadOnlyStringWrapper(this, "localUrl", "");
  private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper(this, "dataFolder", "");
  private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(this, "version", "");
  private final ReadOnlyStringWrapper startedAt = new ReadOnlyStringWrapper(this, "startedAt", "");
  private final ReadOnlyLongWrapper requests = new ReadOnlyLongWrapper(this, "requests", -1);
  private final ReadOnlyStringWrapper refreshProblem = new ReadOnlyStringWrapper(this, "refreshProblem", "");
  private final ReadOnlyBooleanWrapper lanAllowed = new ReadOnlyBooleanWrapper(this, "lanAllowed", false);
  private final ReadOnlyBooleanWrapper lanAsked = new ReadOnlyBooleanWrapper(this, "lanAsked", true);
  private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper(this, "remote", false);
  private final ReadOnlyStringWrapper bindAddress = new ReadOnlyStringWrapper(this, "bindAddress", "");

  private BeaconClient client;
  private volatile Consumer<BeaconClient> answering = c -> {};
  private Task<?> starting;
  private ScheduledService<Health> refresher;

  /**
   * @param clients makes the client for the server's URL once it listens
   * @param refreshEvery how often {@code /health} is asked while the server runs
   */
  public ServerLifecycle(ServerHost host, ConsoleOptions options, Function<URI, BeaconClient> clients, Executor io, Duration refreshEvery) {
    this.host = Objects.requireNonNull(host);
    this.options = Objects.requireNonNull(options);
    this.clients = Objects.requireNonNull(clients);
    this.io = Objects.requireNonNull(io);
    this.refreshEvery = Objects.requireNonNull(refreshEvery);
    dataFolder.set(options.dataDir().toString());
  }

  /**
   * Tells {@code listener} of each server that has just answered its first {@code /health}, on the
   * start task's thread, before the FX thread hears of it: what waits on the server (signing in)
   * can begin while the window is still busy. The listener must not block.
   */
  public void onAnswering(Consumer<BeaconClient> listener) {
    answering = Objects.requireNonNull(listener);
  }

  /** What the start task hands to the FX thread. */
  private record Started(ServerInfo info, String lan, BeaconClient client, Health health, boolean lanAsked) {}

  /**
   * Starts the server in the background; the state goes STARTING, then RUNNING or FAILED. It binds
   * the loopback address unless the user has let LAN clients in (the choice kept in the data folder).
   */
  public Task<?> start() {
    return launch(null);
  }

  /**
   * Records whether LAN clients may reach the server and restarts it bound accordingly (every
   * interface, or loopback only), in the background.
   */
  public Task<?> allowLan(boolean allow) {
    stopRefreshing();
    return launch(allow);
  }

  /** Stops the embedded server and starts it again with the saved settings (port, self-registration, LAN). */
  public Task<?> restart() {
    stopRefreshing();
    return launch(lanAllowed.get());
  }

  /**
   * Talks to a Beacon running elsewhere instead of starting one: RUNNING once its {@code /health}
   * answers, FAILED with the reason otherwise.
   */
  public Task<?> attach(URI url) {
    remote.set(true);
    state.set(ServerState.STARTING);
    problem.set("");
    Task<Started> t = new Task<>() {
      @Override
      protected Started call() throws Exception {
        BeaconClient c = clients.apply(url);
        Health h = c.health();
        answering.accept(c);
        return new Started(null, "", c, h, true);
      }
    };
    t.setOnSucceeded(e -> {
      Started s = t.getValue();
      client = s.client();
      localUrl.set(s.client().base().toString());
      port.set(Integer.toString(url.getPort() < 0 ? ("https".equals(url.getScheme()) ? 443 : 80) : url.getPort()));
      dataFolder.set("");
      show(s.health());
      state.set(ServerState.RUNNING);
      startRefreshing();
    });
    t.setOnFailed(e -> failed(t.getException()));
    starting = t;
    io.execute(t);
    return t;
  }

  /** Starts the server; with a LAN choice, saves it and stops the running server first. */
  private Task<Started> launch(Boolean lanChoice) {
    state.set(ServerState.STARTING);
    problem.set("");
    Task<Started> t = new Task<>() {
      @Override
      protected Started call() throws Exception {
        ConsoleSettings settings = ConsoleSettings.load(options.dataDir());
        if (lanChoice != null) {
          settings.saveLanAllowed(lanChoice);
          host.stop();
        }
        ServerInfo info = host.start(options, settings);
        String lan = LanAddress.find();
        BeaconClient c = clients.apply(info.localUri());
        Health h = c.health(); // running means answering, not only bound
        answering.accept(c);
        return new Started(info, lan, c, h, settings.lanAllowed() != null);
      }
    };
    t.setOnSucceeded(e -> running(t.getValue()));
    t.setOnFailed(e -> failed(t.getException()));
    starting = t;
    io.execute(t);
    return t;
  }

  private void running(Started s) {
    if (state.get() != ServerState.STARTING) {
      return; // closed while starting: the stop task takes care of the server
    }
    client = s.client();
    port.set(Integer.toString(s.info().port()));
    localUrl.set(s.info().localUri().toString());
    lanAddress.set(s.lan());
    note.set(s.info().note() == null ? "" : s.info().note());
    lanAllowed.set(s.info().lan());
    lanAsked.set(s.lanAsked());
    bindAddress.set(s.info().host());
    dataFolder.set(s.info().dataDir().toString());
    show(s.health());
    state.set(ServerState.RUNNING);
    startRefreshing();
  }

  private void failed(Throwable t) {
    if (state.get() == ServerState.STARTING) {
      problem.set(ApiError.text(t));
      state.set(ServerState.FAILED);
    }
  }

  private void show(Health h) {
    version.set(h.version() == null ? "" : h.version());
    startedAt.set(h.startedAt() == null ? "" : h.startedAt());
    requests.set(h.requests());
    refreshProblem.set(h.up() ? "" : "the server says it is " + h.status());
  }

  private void startRefreshing() {
    BeaconClient c = client;
    refresher = new ScheduledService<>() {
      @Override
      protected Task<Health> createTask() {
        return new Task<>() {
          @Override
          protected Health call() throws Exception {
            return c.health();
          }

          @Override
          protected void succeeded() { // FX thread
            if (state.get() == ServerState.RUNNING) {
              show(getValue());
            }
          }

          @Override
          protected void failed() { // FX thread
            if (state.get() == ServerState.RUNNING) {
              refreshProblem.set(ApiError.text(getException()));
            }
          }
        };
      }
    };
    refresher.setExecutor(io);
    refresher.setDelay(refreshEvery);
    refresher.setPeriod(refreshEvery);
    refresher.setRestartOnFailure(true);
    refresher.setMaximumFailureCount(Integer.MAX_VALUE);
    refresher.start();
  }

  /** Asks {@code /health} now (besides the periodic refresh); does nothing unless running. */
  public Task<Health> refresh() {
    BeaconClient c = client;
    Task<Health> t = new Task<>() {
      @Override
      protected Health call() throws Exception {
        if (c == null) {
          throw new IllegalStateException("the server is not running");
        }
        return c.health();
      }
    };
    t.setOnSucceeded(e -> {
      if (state.get() == ServerState.RUNNING) {
        show(t.getValue());
      }
    });
    t.setOnFailed(e -> {
      if (state.get() == ServerState.RUNNING) {
        refreshProblem.set(ApiError.text(t.getException()));
      }
    });
    io.execute(t);
    return t;
  }

  /**
   * Stops the server in the background (waiting for a start under way to finish first), then runs
   * {@code then} on the FX thread, whether the stop went well or not.
   */
  public Task<Void> stop(Runnable then) {
    stopRefreshing();
    state.set(ServerState.STOPPING);
    Task<?> start = starting;
    Task<Void> t = new Task<>() {
      @Override
      protected Void call() throws Exception {
        if (start != null) {
          try {
            start.get(); // a start under way cannot be cut short: let it finish, then stop what it started
          } catch (Exception failedOrCancelled) {
            // nothing started, or the start's own failure is already shown
          }
        }
        host.stop();
        return null;
      }
    };
    t.setOnSucceeded(e -> {
      state.set(ServerState.STOPPED);
      then.run();
    });
    t.setOnFailed(e -> {
      problem.set("stopping: " + ApiError.text(t.getException()));
      state.set(ServerState.STOPPED);
      then.run();
    });
    io.execute(t);
    return t;
  }

  /** Stops the periodic {@code /health} calls (before the executor goes away). */
  public void stopRefreshing() {
    if (refresher != null) {
      refresher.cancel();
      refresher = null;
    }
  }

  /** The URL other computers on the network would use. */
  public String lanUrl() {
    return "http://" + lanAddress.get() + ":" + port.get();
  }

  /** The client of the running server, or {@code null} before it runs (for the screens to come). */
  public BeaconClient client() {
    return client;
  }

  public ReadOnlyObjectProperty<ServerState> stateProperty() { return state.getReadOnlyProperty(); }
  /** Why the start failed, in the server's words; empty otherwise. */
  public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
  /** A remark about the start (e.g. the default port was busy); empty otherwise. */
  public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
  public ReadOnlyStringProperty lanAddressProperty() { return lanAddress.getReadOnlyProperty(); }
  public ReadOnlyStringProperty portProperty() { return port.getReadOnlyProperty(); }
  public ReadOnlyStringProperty localUrlProperty() { return localUrl.getReadOnlyProperty(); }
  public ReadOnlyStringProperty dataFolderProperty() { return dataFolder.getReadOnlyProperty(); }
  public ReadOnlyStringProperty versionProperty() { return version.getReadOnlyProperty(); }
  public ReadOnlyStringProperty startedAtProperty() { return startedAt.getReadOnlyProperty(); }
  /** Requests the server has served, from the last {@code /health}; -1 before the first. */
  public ReadOnlyLongProperty requestsProperty() { return requests.getReadOnlyProperty(); }
  /** Whether other computers on the network can reach the server (it binds every interface). */
  public ReadOnlyBooleanProperty lanAllowedProperty() { return lanAllowed.getReadOnlyProperty(); }
  /** Whether the user has answered the LAN question; {@code false} on a first run until they do. */
  public ReadOnlyBooleanProperty lanAskedProperty() { return lanAsked.getReadOnlyProperty(); }
  /** Whether the console talks to a server elsewhere (then nothing local is shown). */
  public ReadOnlyBooleanProperty remoteProperty() { return remote.getReadOnlyProperty(); }
  /** The address the embedded server binds ({@code 127.0.0.1} or {@code 0.0.0.0}). */
  public ReadOnlyStringProperty bindAddressProperty() { return bindAddress.getReadOnlyProperty(); }
  /** The options the console was started with. */
  public ConsoleOptions options() { return options; }
  /** Why the last {@code /health} refresh failed; empty when it worked. */
  public ReadOnlyStringProperty refreshProblemProperty() { return refreshProblem.getReadOnlyProperty(); }
}
