package dev.beacon.api.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Resp;
import dev.beacon.api.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /docs} and its files, read on their first request: concurrent first requests all get
 * the whole file, and a fresh server's first answer counts only itself (the start's warm-up
 * request through the handlers is not one of the server's requests).
 */
class ApiDocsTest {
  @Test
  void theFirstRequestsOfAFileGetAllOfIt() throws Exception {
    try (TestServer server = TestServer.start()) {
      assertEquals(1, server.anonymous().get("/health").json().getLong("requests"), "only this request counted");
      Resp page = server.anonymous().get("/docs");
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").startsWith("text/html"));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Resp>> bundles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          bundles.add(pool.submit(() -> server.anonymous().unchecked().get("/docs/swagger-ui-bundle.js")));
        }
        int length = -1;
        for (Future<Resp> f : bundles) {
          Resp r = f.get();
          assertEquals(200, r.status());
          assertTrue(r.header("Content-Type").startsWith("text/javascript"), r.header("Content-Type"));
          assertEquals("public, max-age=86400", r.header("Cache-Control"));
          assertTrue(r.raw().length() > 100_000, "the whole bundle");
          assertTrue(length < 0 || length == r.raw().length(), "every first request the same file");
          length = r.raw().length();
        }
      } finally {
        pool.shutdownNow();
      }
      Resp css = server.anonymous().unchecked().get("/docs/swagger-ui.css");
      assertEquals(200, css.status());
      assertTrue(css.header("Content-Type").startsWith("text/css"));
      Resp start = server.anonymous().unchecked().get("/docs/start.js");
      assertTrue(start.raw().contains("url: \"/openapi.yaml\""), start::raw);
      Resp missing = server.anonymous().unchecked().get("/docs/nope.js");
      assertEquals(404, missing.status());
      assertEquals(4004, missing.json().getInteger("code"));
      Resp spec = server.anonymous().get("/openapi.yaml");
      assertTrue(spec.raw().startsWith("openapi: 3") || spec.raw().contains("\nopenapi: 3"), () -> spec.raw().substring(0, 200));
    }
  }
}
