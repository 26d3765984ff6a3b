package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.Beacon;
import dev.beacon.api.content.ContentFeature;
import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestDatabase;
import dev.beacon.api.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Every hook of a feature group reaches each of its parts, on a real server (the content feature is one). */
class FeatureGroupTest {
  /** A part that shows each hook: a file written at start in its own data folder, a route, and a log of the hooks. */
  static final class Part implements Feature {
    final String name;
    final List<String> ran = new CopyOnWriteArrayList<>();

    Part(String name) {
      this.name = name;
    }

    @Override
    public List<DataFolder> dataFolders() {
      return List.of(DataFolder.afterDatabase(name));
    }

    @Override
    public void start(ServerContext ctx) throws Exception {
      Path folder = Files.createDirectories(ctx.config().dataDir().resolve(name));
      Files.writeString(folder.resolve("started.txt"), name);
      ran.add("start");
    }

    @Override
    public void mount(Routes routes, ServerContext ctx) {
      routes.get("/v1/" + name).open(c -> Http.send(c, Http.ok().put("part", name)));
      ran.add("mount");
    }

    @Override
    public void stop(ServerContext ctx) {
      ran.add("stop");
    }

    @Override
    public void close(ServerContext ctx) {
      ran.add("close");
    }
  }

  @Test
  void everyHookReachesEveryPart() throws Exception {
    List<Part> parts = List.of(new Part("part-a"), new Part("part-b"));
    List<Feature> features = new ArrayList<>(Beacon.features());
    features.add(new FeatureGroup(List.copyOf(parts)));
    try (TestServer server = TestServer.startWith(features)) {
      for (Part p : parts) {
        assertEquals(List.of("start", "mount"), p.ran, p.name);
        assertTrue(Files.isRegularFile(server.dataDir().resolve(p.name).resolve("started.txt")), p.name + " started");
        Resp r = server.anonymous().get("/v1/" + p.name);
        assertEquals(p.name, r.json().getString("part"), r::toString);
        assertTrue(server.server().dataFolders().contains(DataFolder.afterDatabase(p.name)), p.name + "'s data folder");
      }
      if (!TestDatabase.postgres()) {
        Resp made = server.admin().post("/v1/admin/backup", new JsonObject());
        assertEquals(1000, made.code(), made::toString);
        try (ZipFile zip = new ZipFile(made.json().getString("file"))) {
          for (Part p : parts) {
            assertTrue(zip.getEntry(p.name + "/started.txt") != null, p.name + "'s folder is in the backup");
          }
        }
      }
    }
    for (Part p : parts) {
      assertEquals(List.of("start", "mount", "stop", "close"), p.ran, p.name);
    }
  }

  @Test
  void theContentFeatureIsAGroupOfItsParts() {
    List<String> parts = new ContentFeature().parts().stream().map(f -> f.getClass().getSimpleName()).toList();
    assertEquals(List.of("DocsFeature", "SdksFeature", "LightModulesFeature", "PostersFeature", "QaFeature"), parts);
  }
}
