package dev.beacon.api.feeds;

import dev.beacon.api.releases.AppVersion;
import dev.beacon.api.releases.Catalog;
import dev.beacon.api.releases.Channels;
import dev.beacon.api.releases.ReleaseState;
import dev.beacon.api.releases.VersionPackage;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sparkle's appcast: RSS 2.0 with the {@code sparkle:} namespace, one {@code <item>} per version
 * released or rolling (a halted one is left out: Sparkle installs are anonymous, so nobody new gets
 * it) with a macOS package (or one for any platform). Sparkle phases a rollout on the client: each
 * install keeps a random group of 7, and group g may update {@code phasedRolloutInterval × g}
 * seconds after {@code pubDate}. A rolling version is published with {@link #INTERVAL_SECONDS} and
 * a {@code pubDate} set back so that ⌈rollout × 7 / 100⌉ groups are eligible at once when the
 * rollout starts or changes; one more group follows each interval. Critical updates and manual
 * checks skip phasing (Sparkle's rule).
 */
final class SparkleFeed {
  static final String NS = "http://www.andymatuschak.org/xml-namespaces/sparkle";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  /** The phasing interval Beacon publishes: one day per group. */
  static final long INTERVAL_SECONDS = 86_400;
  static final int GROUPS = 7;

  private SparkleFeed() {}

  /** The appcast of a catalog for {@code channel} (null: every channel, each item marked with its own). */
  static String write(Catalog catalog, FeedFile f, String appName, UnaryOperator<String> absolute) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("rss");
      x.writeAttribute("version", "2.0");
      x.writeNamespace("sparkle", NS);
      x.writeNamespace("dc", DC);
      x.writeStartElement("channel");
      text(x, null, "title", appName);
      text(x, null, "description", "Updates of " + appName);
      text(x, null, "language", "en");
      for (Catalog.Build b : catalog.builds()) {
        AppVersion v = b.version();
        ReleaseState state = v.releaseState();
        if (state != ReleaseState.RELEASED && state != ReleaseState.ROLLING
            || f.channel() != null && !Channels.serves(v.channel, f.channel())) {
          continue;
        }
        Optional<VersionPackage> p = PackagePick.pick(b, f);
        if (p.isPresent()) {
          item(x, v, p.get(), absolute);
        }
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the appcast: " + e.getMessage(), e);
    }
  }

  private static void item(XMLStreamWriter x, AppVersion v, VersionPackage p, UnaryOperator<String> absolute) throws XMLStreamException {
    boolean phased = v.releaseState() == ReleaseState.ROLLING && !v.forceUpdate;
    x.writeStartElement("item");
    text(x, null, "title", v.name);
    text(x, NS, "version", Integer.toString(v.code));
    text(x, NS, "shortVersionString", v.name);
    text(x, null, "pubDate", FeedRoutes.httpDate(phased ? phasedPubDate(v) : published(v)));
    if (v.desc != null) {
      x.writeStartElement("description");
      x.writeCData(v.desc.replace("]]>", "]]]]><![CDATA[>"));
      x.writeEndElement();
    }
    if (!Channels.STABLE.equals(v.channel)) {
      text(x, NS, "channel", v.channel);
    }
    if (v.minSystemVersion != null) {
      text(x, NS, "minimumSystemVersion", v.minSystemVersion);
    }
    if (v.forceUpdate) {
      x.writeEmptyElement("sparkle", "criticalUpdate", NS);
    }
    if (phased) {
      text(x, NS, "phasedRolloutInterval", Long.toString(INTERVAL_SECONDS));
    }
    x.writeEmptyElement("enclosure");
    x.writeAttribute("url", absolute.apply(p.url));
    x.writeAttribute("length", Long.toString(p.size == null ? 0 : p.size));
    x.writeAttribute("type", "application/octet-stream");
    if (p.edSignature != null) {
      x.writeAttribute("sparkle", NS, "edSignature", p.edSignature);
    }
    x.writeEndElement();
  }

  /** Groups eligible at once for a rollout percentage: ⌈percent × 7 / 100⌉, at least 1. */
  static int groups(int percent) {
    return Math.max(1, Math.min(GROUPS, (percent * GROUPS + 99) / 100));
  }

  /** The pubDate that makes {@link #groups} groups eligible when the rollout was set. */
  static Instant phasedPubDate(AppVersion v) {
    return published(v).minusSeconds(INTERVAL_SECONDS * (groups(v.rollout) - 1L));
  }

  private static Instant published(AppVersion v) {
    return v.rolloutAt != null ? v.rolloutAt : v.releasedAt != null ? v.releasedAt : v.updatedAt;
  }

  private static void text(XMLStreamWriter x, String ns, String name, String value) throws XMLStreamException {
    if (ns == null) {
      x.writeStartElement(name);
    } else {
      x.writeStartElement("sparkle", name, ns);
    }
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
