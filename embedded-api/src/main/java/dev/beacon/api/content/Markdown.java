package dev.beacon.api.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to safe HTML with commonmark-java and its GFM tables. Raw HTML in the source is
 * escaped, not passed through, and link and image targets are limited to http, https and
 * mailto (or no scheme: relative urls); {@code javascript:}, {@code data:} and the like become
 * empty, so neither docs nor Q&A posts can carry script. Links get {@code rel="nofollow noopener noreferrer"}. Thread-safe.
 */
public final class Markdown {
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

  private Markdown() {}

  /** The HTML fragment for a markdown text; {@code null} renders as empty. */
  public static String toHtml(String markdown) {
    return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
