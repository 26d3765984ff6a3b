package dev.beacon.desktop.docs;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The doc editor's live preview: markdown to HTML on the console itself, with the same
 * commonmark-java options as the server's pages (GFM tables, raw HTML escaped, link and image
 * targets limited to http, https, mailto and relative urls, links {@code rel="nofollow noopener
 * noreferrer"}), so the preview looks as the published page will. Thread-safe.
 */
final class PreviewRenderer {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
      .attributeProviderFactory(context -> (node, tagName, attributes) -> {
        if (node instanceof Link) {
          attributes.put("rel", "nofollow noopener noreferrer");
        }
      })
      .build();

  private PreviewRenderer() {}

  /** The HTML fragment for a markdown text; {@code null} renders as empty. */
  static String toHtml(String markdown) {
    return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
  }

  /** A whole page around the fragment, as the preview's web view loads it. */
  static String page(String markdown) {
    return "<html><body>" + toHtml(markdown) + "</body></html>";
  }
}
