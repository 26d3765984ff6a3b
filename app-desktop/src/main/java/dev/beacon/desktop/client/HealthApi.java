package dev.beacon.desktop.client;

import java.util.List;
import java.util.Map;

/**
 * Release health ({@code GET .../app/{appId}/health} and {@code .../module/{moduleId}/health}),
 * per version, highest code first. Blocking.
 */
public final class HealthApi {
  /** The windows the server offers. */
  public static final List<String> WINDOWS = List.of("24h", "7d", "30d");

  private final BeaconClient client;

  public HealthApi(BeaconClient client) {
    this.client = client;
  }

  /** The versions of the app ({@code moduleId} null) or of one of its modules over {@code window} (24h, 7d or 30d). */
  public List<HealthVersion> versions(String appId, String moduleId, String window) throws ApiError {
    String path = "app/" + appId + (moduleId == null ? "" : "/module/" + moduleId) + "/health";
    return Json.list(client.get(client.userPath(path), Map.of("window", window)), "versions", HealthVersion::from);
  }
}
