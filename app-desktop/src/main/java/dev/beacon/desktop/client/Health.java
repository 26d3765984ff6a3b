package dev.beacon.desktop.client;

/** {@code GET /health}: whether the server is up, its version, when it started and how many requests it served. */
public record Health(String status, String version, String startedAt, long requests) {
  public boolean up() {
    return "up".equals(status);
  }
}
