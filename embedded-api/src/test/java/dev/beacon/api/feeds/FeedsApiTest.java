package dev.beacon.api.feeds;

import static dev.beacon.api.feeds.FeedFixtures.act;
import static dev.beacon.api.feeds.FeedFixtures.bytes;
import static dev.beacon.api.feeds.FeedFixtures.hex;
import static dev.beacon.api.feeds.FeedFixtures.upload;
import static dev.beacon.api.feeds.FeedFixtures.version;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.ServerTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The update feeds read by real parsers (a namespace-aware XML parser for Sparkle, SnakeYAML for
 * electron-updater, Jackson for Velopack) and checked field by field against the stored
 * versions; the packages' hashes against the downloaded files; rollouts, halts and channels
 * through each feed; conditional requests; feed requests counted as usage.
 */
class FeedsApiTest extends ServerTest {
  static final String SPARKLE = "http://www.andymatuschak.org/xml-namespaces/sparkle";
  static final ObjectMapper JSON = new ObjectMapper();

  /** An app with 1.0.0 (released), 2.0.0 (rolling at 30%) and 2.1.0-beta.1 (beta, forced), each with packages. */
  record Fixture(Api dev, JsonObject app, Map<String, byte[]> files, Map<String, JsonObject> uploads, List<String> versionIds) {
    String key() {
      return app.getString("appKey");
    }

    String appId() {
      return app.getString("appId");
    }

    String feed(String file) {
      return "/feeds/" + key() + "/" + file;
    }
  }

  static Fixture fixture(String name) {
    Api dev = server.newDeveloper();
    Resp a = dev.post("/v1/user/" + dev.openId + "/app", new JsonObject().put("name", name).put("platform", 3));
    JsonObject app = a.json().getJsonObject("app");
    Map<String, byte[]> files = new HashMap<>();
    Map<String, JsonObject> uploads = new HashMap<>();
    String[][] builds = {{"mac1", "App-1.0.0-mac.zip"}, {"win1", "App-Setup-1.0.0.exe"}, {"lin1", "App-1.0.0.AppImage"},
        {"mac2", "App-2.0.0-mac.zip"}, {"win2", "App-Setup-2.0.0.exe"}, {"lin2", "App-2.0.0.AppImage"},
        {"mac3", "App-2.1.0-mac.zip"}, {"win3", "App-Setup-2.1.0.exe"}};
    for (int i = 0; i < builds.length; i++) {
      byte[] content = bytes(name.hashCode() * 31L + i, 3_000 + 500 * i);
      files.put(builds[i][0], content);
      uploads.put(builds[i][0], upload(dev, builds[i][1], content));
    }
    String appId = app.getString("appId");
    JsonObject v1 = version(dev, appId, new JsonObject().put("name", "1.0.0").put("code", 1).put("desc", "First <release> & notes")
        .put("minimumSystemVersion", "10.15")
        .put("packages", new JsonArray()
            .add(pkg("macos", null, uploads.get("mac1")).put("edSignature", "c2lnbmF0dXJlLW9uZQ=="))
            .add(pkg("windows", "x64", uploads.get("win1")))
            .add(pkg("linux", "x64", uploads.get("lin1")))
            .add(new JsonObject().put("platform", "linux").put("arch", "arm64").put("url", "https://dl.example.com/App-1.0.0-arm64.AppImage")
                .put("size", 1234))));
    act(dev, appId, v1.getString("versionId"), new JsonObject().putNull("release"));
    JsonObject v2 = version(dev, appId, new JsonObject().put("name", "2.0.0").put("code", 2).put("desc", "Second")
        .put("packages", new JsonArray()
            .add(pkg("darwin", null, uploads.get("mac2")))
            .add(pkg("win32", "x64", uploads.get("win2")))
            .add(pkg("linux", "amd64", uploads.get("lin2")))));
    act(dev, appId, v2.getString("versionId"), new JsonObject().put("release", new JsonObject().put("rollout", 30)));
    JsonObject v3 = version(dev, appId, new JsonObject().put("name", "2.1.0-beta.1").put("code", 3).put("channel", "beta")
        .put("forceUpdate", true).put("desc", "Beta")
        .put("packages", new JsonArray().add(pkg("windows", null, uploads.get("win3"))).add(pkg("macos", null, uploads.get("mac3")))));
    act(dev, appId, v3.getString("versionId"), new JsonObject().putNull("release"));
    return new Fixture(dev, app, files, uploads,
        List.of(v1.getString("versionId"), v2.getString("versionId"), v3.getString("versionId")));
  }

  private static JsonObject pkg(String platform, String arch, JsonObject upload) {
    JsonObject p = new JsonObject().put("platform", platform).put("fileId", upload.getString("id"));
    return arch == null ? p : p.put("arch", arch);
  }

  private static Resp get(String path, String... headers) {
    Api anon = server.anonymous();
    HttpRequest.Builder b = anon.request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return anon.send(b);
  }

  private static byte[] download(String url) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), url);
    return r.body();
  }

  private static Map<String, Object> yaml(Resp r) {
    assertEquals(200, r.status(), r::toString);
    return new Yaml().load(r.raw());
  }

  @Test
  void uploadsCarryTheirShaDigestsComputedWhileStreaming() {
    Fixture f = fixture("Hashes");
    byte[] content = f.files().get("win1");
    JsonObject u = f.uploads().get("win1");
    assertEquals(hex("MD5", content), u.getString("md5"));
    assertEquals(hex("SHA-1", content), u.getString("sha1"));
    assertEquals(hex("SHA-256", content), u.getString("sha256"));
    assertEquals(hex("SHA-512", content), u.getString("sha512"));
    JsonObject v1 = f.dev().get(FeedFixtures.versions(f.dev(), f.appId()) + "/" + f.versionIds().get(0)).json().getJsonObject("appVersion");
    JsonArray packages = v1.getJsonArray("packages");
    assertEquals(4, packages.size(), "several packages on one version");
    JsonObject win = packages.getJsonObject(1);
    assertEquals("windows", win.getString("platform"));
    assertEquals("x64", win.getString("arch"));
    assertEquals(u.getString("sha512"), win.getString("sha512"), "a package made from an upload takes its hashes");
    assertEquals(Long.valueOf(content.length), win.getLong("size"));
    assertEquals("/files/" + u.getString("filename"), win.getString("url"));
    assertNull(packages.getJsonObject(3).getString("sha512"), "an external url has only what the developer entered");
    assertEquals(packages.getJsonObject(0).getString("url"), v1.getString("url"), "a version made of packages takes its url from the first");
  }

  @Test
  void sparkleAppcastParsedWithNamespaces() throws Exception {
    Fixture f = fixture("Sparkly");
    Resp r = get(f.feed("appcast.xml"));
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.header("Content-Type").startsWith("application/xml"), r.header("Content-Type"));
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(r.raw().getBytes(StandardCharsets.UTF_8)));
    assertEquals("rss", doc.getDocumentElement().getLocalName());
    assertEquals("2.0", doc.getDocumentElement().getAttribute("version"));
    NodeList items = doc.getElementsByTagName("item");
    assertEquals(3, items.getLength(), "every channel without ?channel=, newest first");
    Element beta = (Element) items.item(0);
    Element second = (Element) items.item(1);
    Element first = (Element) items.item(2);

    assertEquals("1", sparkle(first, "version"));
    assertEquals("1.0.0", sparkle(first, "shortVersionString"));
    assertEquals("10.15", sparkle(first, "minimumSystemVersion"));
    assertEquals("First <release> & notes", first.getElementsByTagName("description").item(0).getTextContent());
    assertNull(sparkle(first, "channel"), "stable items carry no channel");
    assertNull(sparkle(first, "phasedRolloutInterval"), "released to everyone: no phasing");
    assertEquals(0, first.getElementsByTagNameNS(SPARKLE, "criticalUpdate").getLength());
    Element enclosure = (Element) first.getElementsByTagName("enclosure").item(0);
    String url = enclosure.getAttribute("url");
    assertTrue(url.startsWith(server.base() + "/files/"), url);
    assertEquals(Integer.toString(f.files().get("mac1").length), enclosure.getAttribute("length"));
    assertEquals("application/octet-stream", enclosure.getAttribute("type"));
    assertEquals("c2lnbmF0dXJlLW9uZQ==", enclosure.getAttributeNS(SPARKLE, "edSignature"));
    assertArrayEquals(f.files().get("mac1"), download(url), "the enclosure is the macOS package");
    ZonedDateTime.parse(first.getElementsByTagName("pubDate").item(0).getTextContent(), DateTimeFormatter.RFC_1123_DATE_TIME);

    assertEquals("86400", sparkle(second, "phasedRolloutInterval"), "a partial rollout is phased by Sparkle");
    Instant pub = ZonedDateTime.parse(second.getElementsByTagName("pubDate").item(0).getTextContent(),
        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertTrue(pub.isBefore(Instant.now().minusSeconds(2 * 86_400 - 120)) && pub.isAfter(Instant.now().minusSeconds(2 * 86_400 + 120)),
        "30% = 3 of Sparkle's 7 groups eligible now: pubDate two intervals back, got " + pub);
    assertEquals("beta", sparkle(beta, "channel"));
    assertEquals(1, beta.getElementsByTagNameNS(SPARKLE, "criticalUpdate").getLength(), "force maps to criticalUpdate");

    Document stable = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(
        get(f.feed("appcast.xml?channel=stable")).raw().getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, stable.getElementsByTagName("item").getLength(), "?channel=stable leaves beta out");

    act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("halt"));
    Document halted = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(
        get(f.feed("appcast.xml?channel=stable")).raw().getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, halted.getElementsByTagName("item").getLength(), "a halted version leaves the appcast");
  }

  private static String sparkle(Element item, String name) {
    NodeList n = item.getElementsByTagNameNS(SPARKLE, name);
    return n.getLength() == 0 ? null : n.item(0).getTextContent();
  }

  @Test
  @SuppressWarnings("unchecked")
  void electronUpdaterFilesParsedWithSnakeYaml() throws Exception {
    Fixture f = fixture("Electrified");
    Map<String, Object> latest = yaml(get(f.feed("latest.yml?noCache=1abc")));
    assertEquals("2.0.0", latest.get("version"), "without a staging id: the newest rolling version, the client decides");
    assertEquals(30, latest.get("stagingPercentage"));
    List<Map<String, Object>> files = (List<Map<String, Object>>) latest.get("files");
    assertEquals(1, files.size());
    String url = (String) files.get(0).get("url");
    byte[] downloaded = download(url);
    assertArrayEquals(f.files().get("win2"), downloaded, "latest.yml points at the Windows package");
    String sha512 = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-512").digest(downloaded));
    assertEquals(sha512, files.get(0).get("sha512"), "the feed's sha512 is the downloaded file's");
    assertEquals(sha512, latest.get("sha512"));
    assertEquals(url, latest.get("path"));
    assertEquals(f.files().get("win2").length, files.get(0).get("size"));
    assertEquals("Second", latest.get("releaseNotes"));
    Instant.parse((String) latest.get("releaseDate"));

    Map<String, Object> mac = yaml(get(f.feed("latest-mac.yml")));
    assertArrayEquals(f.files().get("mac2"), download((String) mac.get("path")));
    Map<String, Object> linux = yaml(get(f.feed("latest-linux.yml")));
    assertArrayEquals(f.files().get("lin2"), download((String) linux.get("path")), "amd64 is x64");
    Resp arm = get(f.feed("latest-linux-arm64.yml"));
    assertEquals(404, arm.status(), "the only arm64 packages have no sha512: left out " + arm);

    int inside = 0;
    for (int i = 0; i < 100; i++) {
      Map<String, Object> mine = yaml(get(f.feed("latest.yml"), "x-user-staging-id", "install-" + i));
      assertFalse(mine.containsKey("stagingPercentage"), "with a staging id Beacon decides: " + mine);
      inside += "2.0.0".equals(mine.get("version")) ? 1 : 0;
      if (!"2.0.0".equals(mine.get("version"))) {
        assertEquals("1.0.0", mine.get("version"), "outside the rollout: the newest fully released version");
        assertEquals("1.0.0", yaml(get(f.feed("latest.yml"), "x-user-staging-id", "install-" + i)).get("version"), "stable bucket");
      }
    }
    assertTrue(inside >= 12 && inside <= 50, "about 30 of 100 installs inside 30%: " + inside);

    Map<String, Object> beta = yaml(get(f.feed("beta.yml")));
    assertEquals("2.1.0-beta.1", beta.get("version"));
    assertEquals(Boolean.TRUE, beta.get("critical"));

    act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("halt"));
    assertEquals("1.0.0", yaml(get(f.feed("latest.yml"))).get("version"), "halted: gone for installs not on it");
    act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("complete"));
    Map<String, Object> complete = yaml(get(f.feed("latest.yml")));
    assertEquals("2.0.0", complete.get("version"));
    assertFalse(complete.containsKey("stagingPercentage"), "complete: everyone");
    act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("rollback"));
    assertEquals("1.0.0", yaml(get(f.feed("latest.yml"), "x-user-staging-id", "install-0")).get("version"), "rolled back");
  }

  @Test
  void velopackReleasesParsedWithJackson() throws Exception {
    Fixture f = fixture("Velo");
    JsonNode win = JSON.readTree(get(f.feed("releases.win.json")).raw());
    JsonNode assets = win.get("Assets");
    assertEquals(1, assets.size(), "without a staging id only versions released to everyone: " + win);
    JsonNode a = assets.get(0);
    assertEquals("1.0.0", a.get("Version").asText());
    assertEquals("Full", a.get("Type").asText());
    assertEquals("Velo", a.get("PackageId").asText());
    JsonObject u = f.uploads().get("win1");
    assertEquals(u.getString("sha1").toUpperCase(), a.get("SHA1").asText());
    assertEquals(u.getString("sha256").toUpperCase(), a.get("SHA256").asText());
    assertEquals(f.files().get("win1").length, a.get("Size").asLong());
    assertEquals("First <release> & notes", a.get("NotesMarkdown").asText());
    byte[] downloaded = download(a.get("FileName").asText());
    assertEquals(a.get("SHA256").asText().toLowerCase(), hex("SHA-256", downloaded));

    List<String> inside = new ArrayList<>();
    for (String id : IntStream.range(0, 60).mapToObj(i -> "velo-" + i).toList()) {
      JsonNode mine = JSON.readTree(get(f.feed("releases.win.json?id=com.example.velo&localVersion=1.0.0&stagingId=" + id)).raw());
      assertEquals("com.example.velo", mine.get("Assets").get(0).get("PackageId").asText());
      if (mine.get("Assets").size() == 2) {
        assertEquals("2.0.0", mine.get("Assets").get(1).get("Version").asText(), "newest last");
        inside.add(id);
      }
    }
    assertFalse(inside.isEmpty(), "some installs are inside 30%");
    JsonNode osx = JSON.readTree(get(f.feed("releases.osx.json?stagingId=" + inside.get(0))).raw());
    assertEquals(f.uploads().get("mac2").getString("sha256").toUpperCase(), osx.get("Assets").get(1).get("SHA256").asText(),
        "osx lists the macOS packages");
    JsonNode betaWin = JSON.readTree(get(f.feed("releases.beta-win.json")).raw());
    List<String> versions = new ArrayList<>();
    betaWin.get("Assets").forEach(n -> versions.add(n.get("Version").asText()));
    assertEquals(List.of("1.0.0", "2.1.0-beta.1"), versions, "beta-win: beta's and stable's Windows packages");

    act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().putNull("halt"));
    String other = IntStream.range(0, 60).mapToObj(i -> "velo-" + i).filter(i -> !inside.contains(i)).findFirst().orElseThrow();
    assertEquals(1, JSON.readTree(get(f.feed("releases.win.json?localVersion=1.0.0&stagingId=" + inside.get(0))).raw())
        .get("Assets").size(), "halted: not offered to an install that does not have it");
    assertEquals(2, JSON.readTree(get(f.feed("releases.win.json?localVersion=2.0.0&stagingId=" + other)).raw())
        .get("Assets").size(), "an install on the halted version keeps it");
  }

  @Test
  void feedsAnswerEtagsAnd304UntilAReleaseChanges() {
    Fixture f = fixture("Cached");
    for (String file : new String[] {"appcast.xml", "latest.yml", "releases.win.json"}) {
      Resp first = get(f.feed(file));
      String etag = first.header("ETag");
      assertNotNull(etag, file);
      assertNotNull(first.header("Last-Modified"), file);
      Resp again = get(f.feed(file), "If-None-Match", etag);
      assertEquals(304, again.status(), file);
      assertEquals("", again.raw());
      assertEquals(200, get(f.feed(file), "If-None-Match", "\"something-else\"").status());
      assertEquals(304, get(f.feed(file), "If-Modified-Since", first.header("Last-Modified")).status(), file);
    }
    String etag = get(f.feed("latest.yml")).header("ETag");
    act(f.dev(), f.appId(), f.versionIds().get(1), new JsonObject().put("rollout", 60));
    Resp changed = get(f.feed("latest.yml"), "If-None-Match", etag);
    assertEquals(200, changed.status(), "a release change changes the feed");
    assertNotEquals(etag, changed.header("ETag"));
    assertTrue(changed.raw().contains("stagingPercentage: 60"), changed.raw());
  }

  @Test
  void feedRequestsNamingAnInstallCountInUsageUnlessSwitchedOff() {
    Fixture f = fixture("Counted");
    String settings = "/v1/user/" + f.dev().openId + "/app/" + f.appId() + "/feeds";
    JsonObject s = f.dev().get(settings).json();
    assertEquals(true, s.getBoolean("countUsage"));
    assertEquals(server.base() + "/feeds/" + f.key() + "/appcast.xml", s.getJsonObject("feeds").getString("sparkle"));
    assertEquals(server.base() + "/feeds/" + f.key() + "/", s.getJsonObject("feeds").getString("electron"));
    assertTrue(s.getJsonObject("setup").getString("velopack").contains(server.base() + "/feeds/" + f.key()));

    get(f.feed("latest.yml"), "x-user-staging-id", "u-1");
    get(f.feed("latest.yml"), "x-user-staging-id", "u-2");
    get(f.feed("releases.win.json?stagingId=u-3&localVersion=1.0.0"));
    get(f.feed("appcast.xml"));
    String summary = "/v1/user/" + f.dev().openId + "/app/" + f.appId() + "/stats/summary";
    assertEquals(3, f.dev().get(summary).json().getInteger("dau"), "three installs named themselves");

    assertEquals(false, f.dev().put(settings, new JsonObject().put("countUsage", false)).json().getBoolean("countUsage"));
    get(f.feed("latest.yml"), "x-user-staging-id", "u-4");
    assertEquals(3, f.dev().get(summary).json().getInteger("dau"), "switched off: not counted");
    assertEquals(4000, f.dev().put(settings, new JsonObject()).code());
  }

  @Test
  void unknownKeysAndFilesAreRefused() {
    Fixture f = fixture("Refused");
    assertEquals(401, get("/feeds/not-a-key/latest.yml").status());
    assertEquals(404, get(f.feed("latest.json")).status());
    assertEquals("2.0.0", yaml(get(f.feed("nightly.yml"))).get("version"), "a channel without releases of its own gets stable");
    assertEquals(1000, server.admin().post("/v1/admin/app/" + f.appId() + "/action", new JsonObject().putNull("freeze")).code());
    Resp frozen = get(f.feed("appcast.xml"));
    assertEquals(403, frozen.status(), frozen::toString);
    assertEquals(4003, frozen.code());
  }
}
