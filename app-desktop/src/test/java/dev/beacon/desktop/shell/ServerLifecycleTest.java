package dev.beacon.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.TempDirs;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.Io;
import dev.beacon.desktop.client.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status model against the real embedded server; no stage, only the FX thread for the tasks' callbacks. */
class ServerLifecycleTest {
  private ExecutorService io;
  private Path data;
  private ServerHost host;
  private final List<ServerLifecycle> models = new ArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    Fx.startToolkit();
  }

  @BeforeEach
  void setUp() throws Exception {
    io = Io.newExecutor();
    data = TempDirs.create("beacon-model-");
    host = new ServerHost();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (ServerLifecycle m : models) {
      Fx.run(m::stopRefreshing);
    }
    host.stop();
    io.shutdownNow();
    TempDirs.delete(data);
  }

  private ServerLifecycle model(int port, boolean chosen) {
    ServerLifecycle m = new ServerLifecycle(host, new ConsoleOptions(data, port, chosen), BeaconClient::new, io, Duration.millis(300));
    models.add(m);
    return m;
  }

  @Test
  void startsRefreshesSignsInAndStops() throws Exception {
    ServerLifecycle m = model(0, true);
    assertEquals(ServerState.STARTING, Fx.call(() -> m.stateProperty().get()));
    Fx.run(m::start);
    Fx.waitUntil(90, () -> m.stateProperty().get() != ServerState.STARTING);
    assertEquals(ServerState.RUNNING, Fx.call(() -> m.stateProperty().get()), () -> "problem: " + m.problemProperty().get());

    int port = Integer.parseInt(Fx.call(() -> m.portProperty().get()));
    assertTrue(port > 0);
    assertEquals("http://127.0.0.1:" + port + "/", Fx.call(() -> m.localUrlProperty().get()));
    assertFalse(Fx.call(() -> m.lanAddressProperty().get()).isBlank());
    assertEquals(data.toAbsolutePath().normalize().toString(), Fx.call(() -> m.dataFolderProperty().get()));
    assertFalse(Fx.call(() -> m.versionProperty().get()).isBlank());
    assertFalse(Fx.call(() -> m.startedAtProperty().get()).isBlank());
    assertEquals("", Fx.call(() -> m.noteProperty().get()));
    assertEquals("", Fx.call(() -> m.problemProperty().get()));

    // the periodic refresh sees its own requests counted
    long first = Fx.call(() -> m.requestsProperty().get());
    assertTrue(first >= 1, "requests after the first /health: " + first);
    Fx.waitUntil(20, () -> m.requestsProperty().get() > first);

    // the same client signs in with the admin account the first start created
    Map<String, String> creds = Files.readAllLines(data.resolve("admin-credentials.txt")).stream()
        .filter(l -> l.contains("="))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    BeaconClient client = m.client();
    Session s = client.login(creds.get("account"), creds.get("password"));
    assertTrue(s.admin());
    assertFalse(s.token().isBlank());
    assertFalse(s.openId().isBlank());
    ApiError wrong = assertThrows(ApiError.class, () -> client.login(creds.get("account"), "not-the-password"));
    assertEquals(4001, wrong.code());

    AtomicBoolean then = new AtomicBoolean();
    Fx.run(() -> m.stop(() -> then.set(true)));
    Fx.waitUntil(60, () -> m.stateProperty().get() == ServerState.STOPPED);
    assertTrue(then.get(), "the callback after stopping ran");
    assertFalse(host.running());
    ApiError gone = assertThrows(ApiError.class, () -> new BeaconClient(URI.create("http://127.0.0.1:" + port)).health());
    assertEquals(ApiError.UNREACHABLE, gone.code());
  }

  @Test
  void aStartBegunBeforeTheWindowIsTheOneTheWindowTakes() throws Exception {
    host.begin(new ConsoleOptions(data, 0, true), false, false);
    assertThrows(IllegalStateException.class, () -> host.begin(new ConsoleOptions(data, 0, true), false, false),
        "one early start at a time");
    ServerLifecycle m = model(0, true);
    Fx.run(m::start);
    Fx.waitUntil(90, () -> m.stateProperty().get() != ServerState.STARTING);
    // a second start would have failed ("already running"): the window took the begun one
    assertEquals(ServerState.RUNNING, Fx.call(() -> m.stateProperty().get()), () -> "problem: " + m.problemProperty().get());
    assertEquals(Integer.toString(host.info().port()), Fx.call(() -> m.portProperty().get()));
  }

  @Test
  void aStartBegunWithOtherSettingsIsStoppedAndStartedAgainWithTheWindows() throws Exception {
    host.begin(new ConsoleOptions(data, 0, true), true, false); // every interface; the saved settings say loopback only
    ServerLifecycle m = model(0, true);
    Fx.run(m::start);
    Fx.waitUntil(90, () -> m.stateProperty().get() != ServerState.STARTING);
    assertEquals(ServerState.RUNNING, Fx.call(() -> m.stateProperty().get()), () -> "problem: " + m.problemProperty().get());
    assertEquals(ServerHost.HOST, host.info().host());
  }

  @Test
  void aBusyDefaultPortFallsBackToAFreeOneAndSaysSo() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(ServerHost.HOST))) {
      int taken = busy.getLocalPort();
      ServerLifecycle m = model(taken, false);
      Fx.run(m::start);
      Fx.waitUntil(90, () -> m.stateProperty().get() != ServerState.STARTING);
      assertEquals(ServerState.RUNNING, Fx.call(() -> m.stateProperty().get()), () -> "problem: " + m.problemProperty().get());
      int port = Integer.parseInt(Fx.call(() -> m.portProperty().get()));
      assertNotEquals(taken, port);
      String note = Fx.call(() -> m.noteProperty().get());
      assertTrue(note.contains(Integer.toString(taken)) && note.contains(Integer.toString(port)), note);
    }
  }

  @Test
  void aBusyChosenPortFailsWithTheReasonInPlace() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(ServerHost.HOST))) {
      int taken = busy.getLocalPort();
      ServerLifecycle m = model(taken, true);
      Fx.run(m::start);
      Fx.waitUntil(90, () -> m.stateProperty().get() != ServerState.STARTING);
      assertEquals(ServerState.FAILED, Fx.call(() -> m.stateProperty().get()));
      String problem = Fx.call(() -> m.problemProperty().get());
      assertTrue(problem.contains(Integer.toString(taken)), problem);
      assertFalse(host.running());
    }
  }

  @Test
  void closingWhileStartingStopsTheServerOnceItIsUp() throws Exception {
    ServerLifecycle m = model(0, true);
    Fx.run(m::start);
    AtomicBoolean then = new AtomicBoolean();
    Fx.run(() -> m.stop(() -> then.set(true)));
    Fx.waitUntil(90, then::get);
    assertEquals(ServerState.STOPPED, Fx.call(() -> m.stateProperty().get()));
    assertFalse(host.running());
  }

  @Test
  void theLanChoiceIsAskedSavedAndDecidesTheBinding() throws Exception {
    ServerLifecycle m = model(0, true);
    Fx.run(m::start);
    Fx.waitUntil(90, () -> m.stateProperty().get() != ServerState.STARTING);
    assertEquals(ServerState.RUNNING, Fx.call(() -> m.stateProperty().get()));
    assertFalse(Fx.call(() -> m.lanAskedProperty().get()), "a first run has not asked yet");
    assertFalse(Fx.call(() -> m.lanAllowedProperty().get()));
    assertEquals(ServerHost.HOST, host.info().host());

    Fx.run(() -> m.allowLan(true));
    Fx.waitUntil(90, () -> m.stateProperty().get() == ServerState.RUNNING && m.lanAllowedProperty().get());
    assertTrue(Fx.call(() -> m.lanAskedProperty().get()));
    assertEquals(ServerHost.ALL_INTERFACES, host.info().host());
    Path settings = data.resolve(ConsoleSettings.FILE);
    assertTrue(Files.readString(settings).contains("lan.allowed=true"));
    assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(settings));
    assertTrue(m.client().health().up(), "the restarted server answers");

    // a later start keeps the choice
    Fx.run(() -> m.stop(() -> { }));
    Fx.waitUntil(60, () -> m.stateProperty().get() == ServerState.STOPPED);
    ServerLifecycle later = model(0, true);
    Fx.run(later::start);
    Fx.waitUntil(90, () -> later.stateProperty().get() != ServerState.STARTING);
    assertTrue(Fx.call(() -> later.lanAllowedProperty().get()));
    assertTrue(Fx.call(() -> later.lanAskedProperty().get()));
    assertEquals(ServerHost.ALL_INTERFACES, host.info().host());

    Fx.run(() -> later.allowLan(false));
    Fx.waitUntil(90, () -> later.stateProperty().get() == ServerState.RUNNING && !later.lanAllowedProperty().get());
    assertEquals(ServerHost.HOST, host.info().host());
  }
}
