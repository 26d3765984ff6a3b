package dev.beacon.api.content;

import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;

/**
 * The material only internal developers may see: SDKs with authority 0, and the docs tied to
 * them through their resources or light modules. A doc tied to an internal SDK counts as internal
 * even if something public uses it too (fail closed: marking an SDK internal hides all of it).
 */
public final class InternalMaterial {
  /** {@code authority} of an SDK only internal developers may see. */
  public static final int INTERNAL_AUTHORITY = 0;

  private InternalMaterial() {}

  public static Set<String> internalSdkIds(Session s) {
    return new HashSet<>(s.createSelectionQuery("select k.sdkId from Sdk k where k.authority = :a", String.class)
        .setParameter("a", INTERNAL_AUTHORITY).getResultList());
  }

  public static Set<String> docsOfInternalSdks(Session s) {
    Set<String> ids = new HashSet<>();
    ids.addAll(s.createSelectionQuery(
            "select r.docId from SdkResource r join Sdk k on k.sdkId = r.sdkId where k.authority = :a and r.docId is not null",
            String.class)
        .setParameter("a", INTERNAL_AUTHORITY).getResultList());
    ids.addAll(s.createSelectionQuery(
            "select m.docId from LightModule m join Sdk k on k.sdkId = m.sdkId where k.authority = :a", String.class)
        .setParameter("a", INTERNAL_AUTHORITY).getResultList());
    return ids;
  }
}
