package dev.beacon.desktop.shell;

import java.net.URI;
import java.nio.file.Path;

/**
 * The embedded server once it listens: where (address bound and real port), on which data folder,
 * and {@code note}, a sentence for the window when the port is not the one asked for (else {@code null}).
 */
public record ServerInfo(String host, int port, Path dataDir, String note) {
  /** Whether other computers can reach it (bound to every interface). */
  public boolean lan() {
    return ServerHost.ALL_INTERFACES.equals(host);
  }

  /** The URL to reach the server from this computer. */
  public URI localUri() {
    String h = lan() ? ServerHost.HOST : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port + "/");
  }
}
