package dev.beacon.api.content.docs;

import dev.beacon.api.core.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Markdown files stored on Beacon ({@code DATA/files/{name}}, served at {@code /files/{name}}) that
 * a doc's url may point at. Names are flat and strictly checked, so a url can never reach outside
 * that folder; nothing is ever fetched from another server.
 */
final class LocalFiles {
  static final String PREFIX = "/files/";
  static final String FOLDER = "files";
  static final long MAX_BYTES = 2L * 1024 * 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private static final Set<String> MARKDOWN = Set.of(".md", ".markdown");
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private LocalFiles() {}

  /** The name if it is a valid stored-file name, else {@code null}. */
  static String validName(String name) {
    return name != null && NAME.matcher(name).matches() ? name : null;
  }

  /** How the request reached this server, to recognise absolute urls that point back at it. */
  record ThisServer(String hostHeader, String localHost, int localPort) {
    boolean is(URI u) {
      if (u.getRawAuthority() != null && u.getRawAuthority().equalsIgnoreCase(hostHeader)) {
        return true;
      }
      int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
      return port == localPort && (LOOPBACK.contains(host) || host.equals(localHost));
    }
  }

  /**
   * The stored file a doc url names ({@code /files/{name}} or {@code http(s)://<this
   * server>/files/{name}}), or {@code null} when the url points anywhere else.
   */
  static String fileNameOf(String url, ThisServer server) {
    if (url == null) {
      return null;
    }
    String path;
    if (url.startsWith(PREFIX)) {
      path = url;
    } else {
      URI u;
      try {
        u = new URI(url);
      } catch (URISyntaxException e) {
        return null;
      }
      boolean web = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
      if (!web || u.getRawPath() == null || !u.getRawPath().startsWith(PREFIX) || !server.is(u)) {
        return null;
      }
      path = u.getRawPath();
    }
    String name = validName(path.substring(PREFIX.length()));
    if (name == null) {
      throw ApiException.rule("the doc's url " + url + " does not name one file stored on Beacon");
    }
    return name;
  }

  /** Reads a stored markdown file as UTF-8. Blocking: call it on the db worker. */
  static String readMarkdown(Path dataDir, String name) throws IOException {
    if (validName(name) == null) {
      throw ApiException.rule("not a stored file name: " + name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (MARKDOWN.stream().noneMatch(lower::endsWith)) {
      throw ApiException.rule("the doc's file " + name + " is not markdown (.md or .markdown): Beacon renders only markdown");
    }
    Path folder = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
    Path file = folder.resolve(name).normalize();
    if (!folder.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw ApiException.notFound("the doc's file " + name + " is not stored on this server");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw ApiException.rule("the doc's file " + name + " is larger than " + MAX_BYTES / 1024 + " KiB, too large to render");
    }
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
