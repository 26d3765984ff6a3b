package dev.beacon.api.releases;

import dev.beacon.api.files.FileRef;
import dev.beacon.api.files.StoredFile;
import dev.beacon.api.shared.VersionComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An app's live versions (rolling, released, halted) with their packages, newest first by name
 * (the code breaking ties), as the update feeds read them. A version's own url and md5 count as
 * one more package, for its single platform (or for any platform when it names none or several),
 * with the size and hashes of the upload when Beacon hosts it.
 */
public final class Catalog {
  /** A live version and its packages. */
  public record Build(AppVersion version, List<VersionPackage> packages) {}

  /** The platform of a package that serves every platform (the version's own url, without one platform). */
  public static final String ANY = "any";

  private final List<Build> builds;
  private final Stamp stamp;

  private Catalog(List<Build> builds, Stamp stamp) {
    this.builds = List.copyOf(builds);
    this.stamp = stamp;
  }

  /**
   * What identifies the state of an app's versions: the latest change and how many there are (a
   * deletion changes the count). A catalog read at the same stamp is the same.
   */
  public record Stamp(Instant lastChange, long versions) {}

  /** The stamp of the app's versions now (one small query). */
  public static Stamp stamp(org.hibernate.Session s, String appId) {
    Object[] row = s.createSelectionQuery("select max(v.updatedAt), count(v) from AppVersion v where v.appId = :a", Object[].class)
        .setParameter("a", appId).getSingleResult();
    return new Stamp((Instant) row[0], ((Number) row[1]).longValue());
  }

  /** Reads the app's live versions and packages. */
  public static Catalog load(org.hibernate.Session s, String appId) {
    Stamp stamp = stamp(s, appId);
    List<AppVersion> live = new VersionStore<>(AppVersion.class, "appId", "app").released(s, appId);
    VersionDetails d = VersionDetails.load(s, live);
    List<Build> builds = new ArrayList<>();
    for (AppVersion v : live) {
      List<VersionPackage> packages = new ArrayList<>(d.packages(v.versionId));
      if (v.url != null && packages.stream().noneMatch(p -> p.url.equals(v.url))) {
        packages.add(own(s, v));
      }
      builds.add(new Build(v, packages));
    }
    builds.sort(Comparator.comparing((Build b) -> b.version().name, VersionComparator.INSTANCE)
        .thenComparingInt(b -> b.version().code).reversed());
    return new Catalog(builds, stamp);
  }

  private static VersionPackage own(org.hibernate.Session s, AppVersion v) {
    VersionPackage p = new VersionPackage();
    List<String> platforms = Platforms.list(v.platforms);
    p.platform = platforms != null && platforms.size() == 1 ? Platforms.canonical(platforms.get(0)) : ANY;
    p.url = v.url;
    p.md5 = v.md5;
    StoredFile f = FileRef.hosted(s, v.url);
    if (f != null) {
      p.fileId = f.id;
      p.size = f.size;
      p.sha1 = f.sha1;
      p.sha256 = f.sha256;
      p.sha512 = f.sha512;
    }
    return p;
  }

  /** The live versions, newest first. */
  public List<Build> builds() {
    return builds;
  }

  public Stamp stamp() {
    return stamp;
  }

  /** One name per platform, as packages store it: windows, macos, linux ... */
  public static String platform(String name) {
    return Platforms.canonical(name);
  }
}
