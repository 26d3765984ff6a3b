package dev.beacon.api.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's description: {@code GET /openapi.yaml}, the OpenAPI 3 document of every endpoint kept
 * beside the code, and {@code GET /docs}, that document rendered by Swagger UI from its webjar (no
 * CDN: Beacon runs offline on a LAN), whose few files {@code GET /docs/{file}} serves. Everything
 * is read on its first request (on a worker thread) and kept: reading it at every start took a
 * tenth of a second of the start, and 2 MB of memory that most servers never serve.
 */
final class ApiDocs {
  static final String SPEC = "/openapi.yaml";
  private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> FILES = Map.of(
      "swagger-ui.css", "text/css; charset=utf-8",
      "index.css", "text/css; charset=utf-8",
      "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
      "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
      "favicon-32x32.png", "image/png",
      "favicon-16x16.png", "image/png");
  /** Starts the UI on {@code /openapi.yaml} (a file, not inline, so a strict CSP could be added). */
  private static final String START = """
      window.onload = function () {
        window.ui = SwaggerUIBundle({
          url: "/openapi.yaml",
          dom_id: "#swagger-ui",
          deepLinking: true,
          presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
          plugins: [SwaggerUIBundle.plugins.DownloadUrl],
          layout: "StandaloneLayout"
        });
      };
      """;
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
        <head>
          <meta charset="UTF-8">
          <title>Beacon API</title>
          <link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">
          <link rel="stylesheet" type="text/css" href="/docs/index.css">
          <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
          <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
          <script src="/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
          <script src="/docs/start.js" charset="UTF-8"></script>
        </body>
      </html>
      """;

  private final Vertx vertx;
  private final String folder;
  /** What was read, by resource path: read once, by the first request that asks. */
  private final Map<String, Future<Buffer>> read = new ConcurrentHashMap<>();

  ApiDocs(Vertx vertx) {
    this.vertx = vertx;
    this.folder = WEBJAR + webjarVersion() + "/";
  }

  /** {@code GET /openapi.yaml}. */
  void spec(RoutingContext ctx) {
    send(ctx, SPEC, "application/yaml; charset=utf-8", false);
  }

  /** {@code GET /docs}. */
  void page(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(PAGE);
  }

  /** {@code GET /docs/:file}: one of the UI's files, else 4004. */
  void file(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    if (name.equals("start.js")) {
      ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8").putHeader("Cache-Control", "public, max-age=86400")
          .end(START);
      return;
    }
    String type = FILES.get(name);
    if (type == null) {
      throw ApiException.notFound("no such file of the API docs: " + name);
    }
    send(ctx, folder + name, type, true);
  }

  private void send(RoutingContext ctx, String resource, String type, boolean cached) {
    read.computeIfAbsent(resource, r -> vertx.executeBlocking(() -> read(r), false)).onComplete(body -> {
      if (body.failed()) {
        ctx.fail(body.cause());
        return;
      }
      ctx.response().putHeader("Content-Type", type);
      if (cached) {
        ctx.response().putHeader("Cache-Control", "public, max-age=86400");
      }
      ctx.response().end(body.result());
    });
  }

  private static String webjarVersion() {
    Properties p = new Properties();
    try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the Swagger UI webjar is missing from the server's class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static Buffer read(String resource) {
    try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the server's resources");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
