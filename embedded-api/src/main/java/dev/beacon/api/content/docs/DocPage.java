package dev.beacon.api.content.docs;

import dev.beacon.api.content.Markdown;
import io.vertx.ext.web.RoutingContext;

/**
 * A doc's rendered page: a small complete HTML document around the sanitised markdown, for the
 * console's viewer and for a browser. Sent with a strict Content-Security-Policy (no script at
 * all) as a second line of defence behind the sanitising renderer.
 */
final class DocPage {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; base-uri 'none'; form-action 'none'";

  private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;"
      + "max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2328}"
      + "pre,code{font-family:ui-monospace,monospace;background:#f6f8fa}pre{padding:1rem;overflow:auto}"
      + "table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.3rem .6rem}"
      + "img{max-width:100%}";

  private DocPage() {}

  static String render(String title, String markdown) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + Markdown.escape(title) + "</title><style>" + STYLE + "</style></head>\n"
        + "<body><article>\n" + Markdown.toHtml(markdown) + "</article></body></html>\n";
  }

  static void send(RoutingContext ctx, String page) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(200)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(page);
  }
}
