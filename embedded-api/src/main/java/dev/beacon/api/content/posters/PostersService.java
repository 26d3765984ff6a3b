package dev.beacon.api.content.posters;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** What can be done with posters. Every method runs inside a transaction the caller opened. */
final class PostersService {
  /** Posters are shown in sequence order (asc by default), equal sequences oldest first. */
  static final Ordering ORDER = Ordering.of(Map.of("sequence", "sequence"), "sequence:asc", "posterId");

  private final ServerContext sc;

  PostersService(ServerContext sc) {
    this.sc = sc;
  }

  Poster create(Session s, PosterPatch p) {
    Poster poster = new Poster();
    poster.url = p.url();
    poster.sequence = p.sequence() != null ? p.sequence()
        : s.createSelectionQuery("select coalesce(max(p.sequence), 0) + 1 from Poster p", Integer.class).getSingleResult();
    poster.createdAt = sc.now();
    apply(poster, p);
    s.persist(poster);
    return poster;
  }

  Poster updateById(Session s, long posterId, PosterPatch p) {
    Poster poster = find(s, posterId);
    if (p.url() != null) {
      poster.url = p.url();
    }
    apply(poster, p);
    return poster;
  }

  /** The seed's {@code PUT /v1/poster} names the poster by its url, which therefore stays. */
  Poster updateByUrl(Session s, String url, PosterPatch p) {
    List<Poster> found = s.createSelectionQuery("from Poster p where p.url = :u", Poster.class).setParameter("u", url).getResultList();
    if (found.isEmpty()) {
      throw ApiException.notFound("no poster with url " + url);
    }
    if (found.size() > 1) {
      throw ApiException.rule(found.size() + " posters have the url " + url + "; say which one with posterid");
    }
    apply(found.get(0), p);
    return found.get(0);
  }

  void delete(Session s, long posterId) {
    s.remove(find(s, posterId));
  }

  Page<Poster> list(Session s, Paging paging) {
    return ListQuery.of(Poster.class, "p").page(s, Poster.class, paging);
  }

  private static Poster find(Session s, long posterId) {
    return Lookup.require(s, Poster.class, posterId, "poster");
  }

  private void apply(Poster poster, PosterPatch p) {
    if (p.name() != null) {
      poster.name = p.name();
    }
    if (p.sequence() != null) {
      poster.sequence = p.sequence();
    }
    if (p.desc() != null) {
      poster.desc = p.desc();
    }
    if (p.href() != null) {
      poster.href = p.href();
    }
    poster.updatedAt = sc.now();
  }
}
