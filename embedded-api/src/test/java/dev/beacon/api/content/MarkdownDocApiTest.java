package dev.beacon.api.content;

import static dev.beacon.api.content.ContentFixtures.fails;
import static dev.beacon.api.content.ContentFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.api.support.Api;
import dev.beacon.api.support.Resp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A doc's rendered page: inline markdown or a markdown file stored on Beacon, sanitised. */
class MarkdownDocApiTest extends ContentApiTest {
  static Path files;

  @BeforeAll
  static void fixtures() throws Exception {
    files = Files.createDirectories(server.dataDir().resolve("files"));
  }

  private static String urlDoc(String url) {
    return ContentFixtures.doc(admin, "file doc", url);
  }

  private static Resp page(Api api, String docId) {
    return api.get("/v1/doc/" + docId + "/html");
  }

  private static String html(String docId) {
    Resp r = page(server.anonymous(), docId);
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.header("Content-Type").startsWith("text/html"), r.header("Content-Type"));
    return r.raw();
  }

  @Test
  void inlineMarkdownRendersAsAFullPageWithTables() {
    String docId = ContentFixtures.markdownDoc(admin, "Guide <b>1</b>",
        "# Getting started\n\nSome *text*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    Resp r = page(server.anonymous(), docId);
    assertEquals(200, r.status());
    assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
    assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"));
    String html = r.raw();
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<title>Guide &lt;b&gt;1&lt;/b&gt;</title>"), html);
    assertTrue(html.contains("<h1>Getting started</h1>"), html);
    assertTrue(html.contains("<em>text</em>"), html);
    assertTrue(html.contains("<table>") && html.contains("<td>1</td>"), html);
  }

  @Test
  void scriptAndDangerousLinksAreSanitised() {
    String docId = ContentFixtures.markdownDoc(admin, "xss",
        "<script>alert('doc')</script>\n\nHello <img src=x onerror=alert(1)> there\n\n"
            + "[click](javascript:alert(1)) [data](data:text/html,<script>alert(2)</script>) [ok](https://example.com/a)\n");
    String html = html(docId);
    assertFalse(html.toLowerCase().contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("href=\"data:"), html);
    assertTrue(html.contains("&lt;script&gt;alert('doc')&lt;/script&gt;") || html.contains("&lt;script&gt;alert(&#39;doc&#39;)"), html);
    assertTrue(html.contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://example.com/a\">ok</a>"), html);
  }

  @Test
  void aStoredMarkdownFileRendersByPathOrByThisServersUrl() throws Exception {
    Files.writeString(files.resolve("guide-1.md"), "## From a file\n\n<script>x()</script>\n");
    assertTrue(html(urlDoc("/files/guide-1.md")).contains("<h2>From a file</h2>"));
    String self = "http://127.0.0.1:" + server.port() + "/files/guide-1.md";
    String viaUrl = html(urlDoc(self));
    assertTrue(viaUrl.contains("<h2>From a file</h2>"));
    assertFalse(viaUrl.contains("<script"), viaUrl);
    assertTrue(html(urlDoc("http://localhost:" + server.port() + "/files/guide-1.md")).contains("From a file"));

    String both = ok(admin.post("/v1/admin/doc", new JsonObject().put("name", "both").put("type", 1)
        .put("url", "/files/guide-1.md").put("content", "inline wins"))).json().getString("docId");
    assertTrue(html(both).contains("<p>inline wins</p>"));
  }

  @Test
  void otherUrlsAndBadFilesAreRefusedWithoutFetching() throws Exception {
    Files.writeString(files.resolve("notes.txt"), "plain");
    Files.writeString(server.dataDir().resolve("outside.md"), "# secret");
    fails(page(server.anonymous(), urlDoc("http://example.com/files/guide-1.md")), 409, 4007, "points outside this server");
    fails(page(server.anonymous(), urlDoc("http://127.0.0.1:1/files/guide-1.md")), 409, 4007, "points outside");
    fails(page(server.anonymous(), urlDoc("sdk/abc/document/x.md")), 409, 4007, "Beacon does not fetch");
    fails(page(server.anonymous(), urlDoc("/files/missing.md")), 404, 4004, "missing.md");
    fails(page(server.anonymous(), urlDoc("/files/notes.txt")), 409, 4007, "not markdown");
    String port = String.valueOf(server.port());
    fails(page(server.anonymous(), urlDoc("http://127.0.0.1:" + port + "/files/a/../../outside.md")), 409, 4007, "does not name one file");
    fails(page(server.anonymous(), urlDoc("http://127.0.0.1:" + port + "/files/..%2Foutside.md")), 409, 4007, "does not name one file");
    fails(page(server.anonymous(), "no-such-doc"), 404, 4004, "no-such-doc");
  }

  @Test
  void aLinkLeavingTheFilesFolderIsNotFollowed() throws Exception {
    Path target = Files.writeString(server.dataDir().resolve("target.md"), "# linked");
    try {
      Files.createSymbolicLink(files.resolve("link.md"), target);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      return; // no symbolic links on this file system: nothing to check
    }
    fails(page(server.anonymous(), urlDoc("/files/link.md")), 404, 4004, "link.md");
  }

  @Test
  void aHiddenDocsPageIsHiddenToo() {
    String docId = ContentFixtures.markdownDoc(admin, "internal page", "# inside");
    ok(admin.post("/v1/admin/doc/tree", new JsonObject().put("name", "internal").put("docId", docId).put("internal", true)));
    fails(page(server.anonymous(), docId), 404, 4004, docId);
    assertEquals(200, page(admin, docId).status());
  }
}
