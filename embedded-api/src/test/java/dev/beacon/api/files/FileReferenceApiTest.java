package dev.beacon.api.files;

import static dev.beacon.api.files.FileFixtures.bytes;
import static dev.beacon.api.files.FileFixtures.md5;
import static dev.beacon.api.files.FileFixtures.upload;
import static dev.beacon.api.support.ApiAsserts.assertError;
import static dev.beacon.api.support.ApiAsserts.assertOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * App and module versions whose package was uploaded to Beacon: named by {@code fileId},
 * {@code filename} or a url of {@code /files/...}, they store the relative url and the file's
 * md5; client answers make the url absolute on the host the client asked; a file in use cannot
 * be deleted.
 */
class FileReferenceApiTest extends ServerTest {

  /** A developer with an app, a module and an uploaded package. */
  private record Setup(Api dev, JsonObject app, String moduleId, JsonObject file, byte[] content) {
    String appId() {
      return app.getString("appId");
    }

    String appVersions() {
      return "/v1/user/" + dev.openId + "/app/" + appId() + "/version";
    }

    String moduleVersions() {
      return "/v1/user/" + dev.openId + "/app/" + appId() + "/module/" + moduleId + "/version";
    }

    String name() {
      return file.getString("filename");
    }
  }

  private static Setup setup() {
    Api dev = server.newDeveloper();
    Resp app = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", "Hosted").put("platform", 1));
    assertOk(app);
    JsonObject a = app.json().getJsonObject("app");
    Resp module = dev.post("/v1/user/" + dev.openId + "/app/" + a.getString("appId") + "/module", new JsonObject().put("name", "calendar"));
    assertOk(module);
    byte[] content = bytes(50_000, 31);
    Resp up = upload(dev, "/v1/user/uploadfile", "hosted-1.0.apk", content);
    assertOk(up);
    return new Setup(dev, a, module.json().getString("moduleId"), up.json(), content);
  }

  @Test
  void aVersionNamingAnUploadGetsItsUrlAndMd5() {
    Setup s = setup();
    Resp byId = s.dev().post(s.appVersions(), new JsonObject().put("name", "1.0").put("code", 1).put("fileId", s.file().getString("id")));
    assertOk(byId);
    JsonObject v = byId.json().getJsonObject("appVersion");
    assertEquals("/files/" + s.name(), v.getString("url"), "the stored url is relative: right whatever address clients use");
    assertEquals(md5(s.content()), v.getString("md5"));

    Resp byName = s.dev().post(s.moduleVersions(), new JsonObject().put("name", "calendar_1").put("code", 1).put("filename", s.name()));
    assertOk(byName);
    assertEquals("/files/" + s.name(), byName.json().getJsonObject("version").getString("url"));
    assertEquals(md5(s.content()), byName.json().getJsonObject("version").getString("md5"));

    Resp byUrl = s.dev().post(s.moduleVersions(), new JsonObject().put("name", "calendar_2").put("code", 2)
        .put("url", server.base() + "/files/" + s.name()));
    assertOk(byUrl);
    assertEquals("/files/" + s.name(), byUrl.json().getJsonObject("version").getString("url"), "an absolute url to this server counts too");
    assertEquals(md5(s.content()), byUrl.json().getJsonObject("version").getString("md5"));

    Resp foreign = s.dev().post(s.moduleVersions(), new JsonObject().put("name", "calendar_3").put("code", 3)
        .put("url", "https://cdn.example.com/files/" + s.name()));
    assertOk(foreign);
    assertEquals("https://cdn.example.com/files/" + s.name(), foreign.json().getJsonObject("version").getString("url"), "another host's url is kept");
    assertEquals(null, foreign.json().getJsonObject("version").getString("md5"));
  }

  @Test
  void editingAVersionCanSwitchItToAnUpload() {
    Setup s = setup();
    Resp created = s.dev().post(s.appVersions(), new JsonObject().put("name", "1.0").put("code", 1)
        .put("url", "https://dl.example.com/old.apk").put("md5", "old"));
    String id = created.json().getString("versionId");
    Resp edited = s.dev().put(s.appVersions() + "/" + id, new JsonObject().put("filename", s.name()).put("md5", md5(s.content()).toUpperCase()));
    assertOk(edited);
    assertEquals("/files/" + s.name(), edited.json().getJsonObject("appVersion").getString("url"));
    assertEquals(md5(s.content()), edited.json().getJsonObject("appVersion").getString("md5"), "a matching md5 may be sent along");
  }

  @Test
  void badReferencesAreRefused() {
    Setup s = setup();
    Setup other = setup();
    JsonObject base = new JsonObject().put("name", "1.0").put("code", 1);
    assertError(s.dev().post(s.appVersions(), base.copy().put("fileId", other.file().getString("id"))), 404, 4004, "no uploaded file");
    assertError(s.dev().post(s.moduleVersions(), base.copy().put("filename", other.name())), 404, 4004, "no uploaded file");
    assertError(s.dev().post(s.moduleVersions(), base.copy().put("filename", "0".repeat(32) + ".apk")), 404, 4004, "filename");
    assertError(s.dev().post(s.moduleVersions(), base.copy().put("filename", "../../db/beacon.mv.db")), 404, 4004, "filename");
    assertError(s.dev().post(s.moduleVersions(), base.copy().put("url", "/files/" + "0".repeat(32))), 404, 4004, "url");
    assertError(s.dev().post(s.appVersions(), base.copy().put("fileId", s.file().getString("id")).put("md5", "0123")), 409, 4007, "does not match");
    assertError(s.dev().post(s.appVersions(), base.copy().put("fileId", s.file().getString("id")).put("url", "https://x/y.apk")), 400, 4000, "not both");
    assertEquals(0, s.dev().get(s.appVersions()).json().getInteger("totalCount"));
    assertEquals(0, s.dev().get(s.moduleVersions()).json().getInteger("totalCount"));
  }

  @Test
  void clientsGetAnAbsoluteUrlTheyCanDownloadFrom() throws Exception {
    Setup s = setup();
    String appVersion = s.dev().post(s.appVersions(), new JsonObject().put("name", "1.0.0").put("code", 1).put("fileId", s.file().getString("id")))
        .json().getString("versionId");
    assertOk(s.dev().post(s.appVersions() + "/" + appVersion + "/action", new JsonObject().putNull("release")));
    String moduleVersion = s.dev().post(s.moduleVersions(), new JsonObject().put("name", "calendar_1").put("code", 1).put("filename", s.name()))
        .json().getString("versionId");
    assertOk(s.dev().put(s.moduleVersions() + "/" + moduleVersion + "/action", new JsonObject().putNull("release")));
    String expected = server.base() + "/files/" + s.name();

    JsonObject key = new JsonObject().put("appId", s.appId()).put("appKey", s.app().getString("appKey"));
    Resp app = server.anonymous().post("/v1/app/upgrade", key);
    assertEquals(expected, app.json().getJsonObject("version").getString("url"), app::toString);
    Resp module = server.anonymous().post("/v1/app/module/upgrade", key.copy().put("moduleId", s.moduleId()));
    assertEquals(expected, module.json().getJsonObject("module").getString("url"), module::toString);
    Resp check = server.anonymous().post("/api/v1/version/check",
        new JsonObject().put("app_key", s.app().getString("appKey")).put("current_version", "0.9").put("platform", "android"));
    assertEquals(expected, check.json().getJsonObject("data").getString("download_url"), check::toString);

    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(expected)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertArrayEquals(s.content(), download.body());
    assertEquals(app.json().getJsonObject("version").getString("md5"), md5(download.body()));
  }

  @Test
  void aFileInUseCannotBeDeleted() {
    Setup s = setup();
    String appVersion = s.dev().post(s.appVersions(), new JsonObject().put("name", "1.0.0").put("code", 1).put("fileId", s.file().getString("id")))
        .json().getString("versionId");
    String moduleVersion = s.dev().post(s.moduleVersions(), new JsonObject().put("name", "calendar_1").put("code", 1).put("filename", s.name()))
        .json().getString("versionId");
    assertError(s.dev().delete("/v1/user/uploadfile/" + s.name()), 409, 4007, "app version 1.0.0");
    assertOk(s.dev().delete(s.appVersions() + "/" + appVersion));
    assertError(server.admin().delete("/v1/uploadfile/" + s.name()), 409, 4007, "module version calendar_1");
    assertOk(s.dev().delete(s.moduleVersions() + "/" + moduleVersion));
    assertOk(s.dev().delete("/v1/user/uploadfile/" + s.name()));
    assertEquals(404, server.anonymous().get("/files/" + s.name()).status());
  }
}
