package dev.beacon.api.files;

import java.util.List;
import org.hibernate.Session;

/**
 * What still points at an uploaded file: app versions, module versions and version packages
 * whose url is its download route. A file in use cannot be deleted (4007), or clients would be sent to a 404.
 * The queries name the version entities by their entity names, so this package does not depend
 * on the packages that use it.
 */
final class FileUsage {
  private static final List<String[]> USERS = List.of(
      new String[] {"AppVersion", "app version"},
      new String[] {"ModuleVersion", "module version"},
      new String[] {"VersionPackage", "a package of version"});

  private FileUsage() {}

  /** A description of the first version using the file, or {@code null} when none does. */
  static String firstUser(Session s, String filename) {
    for (String[] user : USERS) {
      List<String> names = s.createSelectionQuery("select " + (user[0].equals("VersionPackage") ? "v.platform" : "v.name") + " from " + user[0] + " v where v.url = :u", String.class)
          .setParameter("u", Downloads.path(filename))
          .setMaxResults(1)
          .getResultList();
      if (!names.isEmpty()) {
        return user[1] + " " + names.get(0);
      }
    }
    return null;
  }
}
