package dev.beacon.desktop.ui;

import dev.beacon.desktop.client.BeaconClient;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every screen shares: the signed-in client of the server (null until signed in), the
 * executor that server calls run on, and the address that client software on the LAN would use
 * (for the integration snippets). Properties change on the FX thread only.
 */
public final class ConsoleContext {
  private final ExecutorService io;
  private final ReadOnlyObjectWrapper<BeaconClient> client = new ReadOnlyObjectWrapper<>(this, "client");
  private final ReadOnlyStringWrapper publicUrl = new ReadOnlyStringWrapper(this, "publicUrl", "");
  private final ReadOnlyObjectWrapper<AppRef> currentApp = new ReadOnlyObjectWrapper<>(this, "currentApp");
  private java.util.function.Consumer<String> browser = url -> { };

  /** A context whose server calls run as {@link javafx.concurrent.Task}s on {@code io}, their results handed to the FX thread. */
  public ConsoleContext(ExecutorService io) {
    this.io = io;
  }

  public ExecutorService io() {
    return io;
  }

  /** Opens a web page in the system browser (the application's HostServices, set by the app). */
  public void browse(String url) {
    browser.accept(url);
  }

  /** What {@link #browse} does: the app passes its HostServices' {@code showDocument}. */
  public void setBrowser(java.util.function.Consumer<String> browser) {
    this.browser = browser;
  }

  /** The signed-in client (it carries the session), or null before sign-in. */
  public BeaconClient client() {
    return client.get();
  }

  public ReadOnlyObjectProperty<BeaconClient> clientProperty() {
    return client.getReadOnlyProperty();
  }

  /** Signs in (a client made with {@link BeaconClient#as}) or out ({@code null}). FX thread. */
  public void setClient(BeaconClient signedIn) {
    client.set(signedIn);
  }

  /** Whether the signed-in developer is an administrator. */
  public boolean admin() {
    BeaconClient c = client.get();
    return c != null && c.session() != null && c.session().admin();
  }

  /** The base URL client software should use, e.g. {@code http://192.168.1.20:8470}. */
  public ReadOnlyStringProperty publicUrlProperty() {
    return publicUrl.getReadOnlyProperty();
  }

  public void setPublicUrl(String url) {
    publicUrl.set(url == null ? "" : url);
  }

  /** The app the per-app screens (overview, releases, errors) show; shared so that switching screens keeps it. */
  public ReadOnlyObjectProperty<AppRef> currentAppProperty() {
    return currentApp.getReadOnlyProperty();
  }

  public void setCurrentApp(AppRef app) {
    currentApp.set(app);
  }
}
