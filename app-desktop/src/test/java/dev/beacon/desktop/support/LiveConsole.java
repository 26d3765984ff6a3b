package dev.beacon.desktop.support;

import dev.beacon.desktop.TempDirs;
import dev.beacon.desktop.client.ApiError;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * What a screen test drives, for its whole class: a {@link LiveServer} started before the first
 * test, console contexts signed in as its admin, the admin's apps and versions made over HTTP,
 * heartbeats, and a temp folder; after the last test TestFX's stages are cleaned up, the server
 * stops and the folder goes. Register it with
 * {@code @RegisterExtension static final LiveConsole console = new LiveConsole();}.
 */
public final class LiveConsole implements BeforeAllCallback, AfterAllCallback {
  private LiveServer server;
  private BeaconClient admin;
  private Path folder;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = LiveServer.start();
    admin = server.admin();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      FxToolkit.cleanupStages();
    } finally {
      try {
        server.close();
      } finally {
        TempDirs.delete(folder);
      }
    }
  }

  public LiveServer server() {
    return server;
  }

  /** A new console context signed in as the admin (see {@link LiveServer#context()}). */
  public ConsoleContext context() throws ApiError {
    return server.context();
  }

  /** A temp folder for the test's files, made on first use and removed after the class. */
  public Path folder() throws IOException {
    if (folder == null) {
      folder = TempDirs.create("beacon-console-files-");
    }
    return folder;
  }

  /** A new app of the admin's (platform 3), as the server answered it. */
  public JsonObject newApp(String name) throws ApiError {
    return admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", name).put("platform", 3))
        .getJsonObject("app");
  }

  /** The path of the app's versions. */
  public String versions(JsonObject app) {
    return "v1/user/" + admin.openId() + "/app/" + app.getString("appId") + "/version";
  }

  /** A new version (not released), its package at https://x/CODE.zip with md5 mCODE; returns its id. */
  public String version(String versions, String name, int code) throws ApiError {
    return admin.post(versions, new JsonObject().put("name", name).put("code", code)
        .put("url", "https://x/" + code + ".zip").put("md5", "m" + code)).getString("versionId");
  }

  /** A new version, released to everyone; returns its id. */
  public String released(String versions, String name, int code) throws ApiError {
    String id = version(versions, name, code);
    admin.post(versions + "/" + id + "/action", new JsonObject().putNull("release"));
    return id;
  }

  /** A heartbeat from {@code machine} running {@code version}. */
  public void heartbeat(String appKey, String machine, String version) throws ApiError {
    server.anonymous().post("api/v1/user/heartbeat",
        new JsonObject().put("app_key", appKey).put("machine_id", machine).put("version", version));
  }
}
