package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * An app's modules and the versions of the app or of one of its modules
 * ({@code .../app/{appId}/version}, {@code .../app/{appId}/module/{moduleId}/version}), and package
 * uploads. Blocking.
 */
public final class ReleasesApi {
  private static final int PAGE = 100;

  private final BeaconClient client;

  public ReleasesApi(BeaconClient client) {
    this.client = client;
  }

  /** The app's modules, by name. */
  public List<Module> modules(String appId) throws ApiError {
    String path = client.userPath("app/" + appId + "/module");
    return Page.all(PAGE, (pageNo, size) -> Json.objects(client.get(path,
        Map.of("pageNo", pageNo, "pageSize", size, "orderBy", "name:asc")), "module").stream().map(Module::from).toList());
  }

  /** The versions of the app ({@code moduleId} null) or of one of its modules, newest code first. */
  public List<Version> versions(String appId, String moduleId) throws ApiError {
    String path = versionsPath(appId, moduleId);
    return Page.all(PAGE, (pageNo, size) -> Json.objects(client.get(path,
        Map.of("pageNo", pageNo, "pageSize", size, "orderBy", "code:desc")), "version").stream().map(Version::from).toList());
  }

  /** Creates a version; returns its id. */
  public String create(String appId, String moduleId, VersionDraft draft) throws ApiError {
    return Json.textOrNull(client.post(versionsPath(appId, moduleId), draft.json()), "versionId");
  }

  public void edit(String appId, String moduleId, String versionId, VersionDraft draft) throws ApiError {
    client.put(versionsPath(appId, moduleId) + "/" + versionId, draft.json());
  }

  public void delete(String appId, String moduleId, String versionId) throws ApiError {
    client.delete(versionsPath(appId, moduleId) + "/" + versionId);
  }

  /** Releases ({@code on}) or disables a version; the server refuses, e.g., a version without a package. */
  public void setReleased(String appId, String moduleId, String versionId, boolean on) throws ApiError {
    client.post(versionsPath(appId, moduleId) + "/" + versionId + "/action", new JsonObject().putNull(on ? "release" : "disable"));
  }

  /**
   * A release action ({@code {"release":{"rollout":25}}}, {@code {"rollout":50}}, {@code {"halt":null}},
   * {@code {"resume":null}}, {@code {"complete":null}}, {@code {"rollback":null}} ...); answers the
   * version as the server now has it.
   */
  public Version act(String appId, String moduleId, String versionId, VersionAction action) throws ApiError {
    JsonObject answer = client.post(versionsPath(appId, moduleId) + "/" + versionId + "/action", action.json());
    JsonObject v = answer.getJsonObject(moduleId == null ? "appVersion" : "version");
    return Version.from(v);
  }

  /** The app's update-feed URLs and their one-line setups. */
  public VersionFeeds feeds(String appId) throws ApiError {
    return VersionFeeds.from(client.get(client.userPath("app/" + appId + "/feeds"), Map.of()));
  }

  /** Uploads a package; {@code sent} gets the bytes of the file sent so far. */
  public PackageUpload.Uploaded upload(Path file, LongConsumer sent) throws ApiError, IOException {
    return PackageUpload.send(client, file, sent);
  }

  private String versionsPath(String appId, String moduleId) {
    String app = "app/" + appId;
    return client.userPath(moduleId == null ? app + "/version" : app + "/module/" + moduleId + "/version");
  }
}
