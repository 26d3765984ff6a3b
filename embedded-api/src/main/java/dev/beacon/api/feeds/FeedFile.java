package dev.beacon.api.feeds;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.releases.Channels;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which feed a file name under {@code /feeds/{appKey}/} asks for:
 * <ul>
 *   <li>{@code appcast.xml}: Sparkle (macOS);
 *   <li>{@code {channel}.yml}, {@code {channel}-mac.yml}, {@code {channel}-linux.yml},
 *       {@code {channel}-linux-arm64.yml}: electron-updater's generic provider (Windows, macOS,
 *       Linux x64, Linux arm64); its channel {@code latest} is Beacon's {@code stable};
 *   <li>{@code releases.{channel}.json}: Velopack; its default channels {@code win}, {@code osx},
 *       {@code linux} are Beacon's {@code stable} for that platform, and {@code beta-win} is
 *       {@code beta}'s Windows packages; any other channel lists every platform (or the query's
 *       {@code os}).
 * </ul>
 *
 * @param kind the updater
 * @param channel Beacon's channel, or {@code null} for Sparkle without {@code ?channel=} (every channel)
 * @param platform the packages' platform (windows, macos, linux), or {@code null} for any
 * @param arch the packages' architecture (x64, arm64), or {@code null} for any
 */
record FeedFile(Kind kind, String channel, String platform, String arch) {
  enum Kind { SPARKLE, ELECTRON, VELOPACK }

  static final String APPCAST = "appcast.xml";
  private static final Pattern ELECTRON = Pattern.compile("([a-z][a-z0-9_-]{0,31}?)(-mac|-linux|-linux-arm64)?\\.yml");
  private static final Pattern VELOPACK = Pattern.compile("releases\\.([a-z][a-z0-9_-]{0,40})\\.json");

  /** The feed of a file name (and, for Sparkle and Velopack, the query's channel or os); 4004 for any other name. */
  static FeedFile parse(String file, String channelParam, String osParam) {
    String f = file == null ? "" : file.toLowerCase(Locale.ROOT);
    if (f.equals(APPCAST)) {
      return new FeedFile(Kind.SPARKLE, channelParam == null || channelParam.isBlank() ? null
          : Channels.parse("channel", channelParam), "macos", null);
    }
    Matcher e = ELECTRON.matcher(f);
    if (e.matches()) {
      String ch = e.group(1).equals("latest") ? Channels.STABLE : e.group(1);
      String suffix = e.group(2) == null ? "" : e.group(2);
      return switch (suffix) {
        case "-mac" -> new FeedFile(Kind.ELECTRON, ch, "macos", null);
        case "-linux" -> new FeedFile(Kind.ELECTRON, ch, "linux", "x64");
        case "-linux-arm64" -> new FeedFile(Kind.ELECTRON, ch, "linux", "arm64");
        default -> new FeedFile(Kind.ELECTRON, ch, "windows", null);
      };
    }
    Matcher v = VELOPACK.matcher(f);
    if (v.matches()) {
      String ch = v.group(1);
      for (String os : new String[] {"win", "osx", "linux"}) {
        if (ch.equals(os)) {
          return new FeedFile(Kind.VELOPACK, Channels.STABLE, platformOf(os), null);
        }
        if (ch.endsWith("-" + os)) {
          return new FeedFile(Kind.VELOPACK, Channels.parse("channel", ch.substring(0, ch.length() - os.length() - 1)), platformOf(os), null);
        }
      }
      return new FeedFile(Kind.VELOPACK, Channels.parse("channel", ch), osParam == null ? null : platformOf(osParam), null);
    }
    throw ApiException.notFound("no feed " + file + ": the feeds are appcast.xml (Sparkle), {channel}.yml, {channel}-mac.yml, "
        + "{channel}-linux.yml, {channel}-linux-arm64.yml (electron-updater) and releases.{channel}.json (Velopack)");
  }

  /** Velopack's OS names as Beacon's platforms. */
  static String platformOf(String os) {
    String o = os.trim().toLowerCase(Locale.ROOT);
    return switch (o) {
      case "win", "windows" -> "windows";
      case "osx", "mac", "macos", "darwin" -> "macos";
      default -> o;
    };
  }
}
