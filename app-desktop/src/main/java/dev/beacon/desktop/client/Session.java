package dev.beacon.desktop.client;

/** A signed-in developer: the {@code openId} and {@code token} to send with later calls. */
public record Session(String openId, String token, boolean admin) {
  @Override
  public String toString() {
    return "Session[openId=" + openId + ", admin=" + admin + "]"; // keeps the token out of logs
  }
}
