package dev.beacon.api.content;

import dev.beacon.api.core.ApiException;
import org.hibernate.Session;

/** Finding a stored thing by id, or a 4004 that says what was looked for. */
public final class Lookup {
  private Lookup() {}

  /**
   * The entity with that id, or a 4004 "no {what} {id}".
   *
   * @param what how the message names the thing, e.g. {@code "doc"} or {@code "SDK (sdkId)"}
   */
  public static <T> T require(Session s, Class<T> type, Object id, String what) {
    T found = id == null ? null : s.find(type, id);
    if (found == null) {
      throw ApiException.notFound("no " + what + " " + id);
    }
    return found;
  }

  /**
   * A 4004 "no {what} {id}" unless an entity of that name has the id; for checking a reference
   * to another feature's entity without depending on its class.
   */
  public static void requireExists(Session s, String entityName, Object id, String what) {
    long n = s.createSelectionQuery("select count(*) from " + entityName + " e where id(e) = :id", Long.class)
        .setParameter("id", id).getSingleResult();
    if (n == 0) {
      throw ApiException.notFound("no " + what + " " + id);
    }
  }
}
