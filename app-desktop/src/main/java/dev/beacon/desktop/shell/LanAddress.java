package dev.beacon.desktop.shell;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** This computer's address on the local network: the first up, non-loopback, site-local IPv4. */
public final class LanAddress {
  private LanAddress() {}

  /** The LAN address, else the loopback address; never empty. Blocking (it asks the OS): not on the FX thread. */
  public static String find() {
    return siteLocalIpv4().orElse(InetAddress.getLoopbackAddress().getHostAddress());
  }

  static Optional<String> siteLocalIpv4() {
    List<NetworkInterface> nics;
    try {
      var all = NetworkInterface.getNetworkInterfaces();
      nics = all == null ? List.of() : Collections.list(all);
    } catch (SocketException e) {
      return Optional.empty();
    }
    return nics.stream()
        .filter(LanAddress::usable)
        .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress() && !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
  }

  private static boolean usable(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback() && !nic.isPointToPoint();
    } catch (SocketException e) {
      return false;
    }
  }
}
