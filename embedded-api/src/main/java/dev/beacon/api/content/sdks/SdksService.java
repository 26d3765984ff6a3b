package dev.beacon.api.content.sdks;

import dev.beacon.api.content.Lookup;
import dev.beacon.api.content.References;
import dev.beacon.api.core.Ids;
import dev.beacon.api.core.ListQuery;
import dev.beacon.api.core.Ordering;
import dev.beacon.api.core.Page;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.ServerContext;
import org.hibernate.Session;

/** What can be done with SDKs. Every method runs inside a transaction the caller opened. */
final class SdksService {
  /** The order of the SDK list: by name or creation, newest first unless asked otherwise. */
  static final Ordering ORDER = Ordering.byNameOrCreation("sdkId");

  private final ServerContext sc;

  SdksService(ServerContext sc) {
    this.sc = sc;
  }

  Sdk create(Session s, SdkPatch p) {
    Sdk k = new Sdk();
    k.sdkId = Ids.newId();
    k.createdAt = sc.now();
    apply(k, p);
    s.persist(k);
    return k;
  }

  Sdk update(Session s, String sdkId, SdkPatch p) {
    Sdk k = find(s, sdkId);
    apply(k, p);
    return k;
  }

  /** 4007 while light modules, resources or tree nodes belong to the SDK. */
  void delete(Session s, String sdkId) {
    Sdk k = find(s, sdkId);
    References.refuseSdkDelete(s, sdkId);
    s.remove(k);
  }

  Sdk find(Session s, String sdkId) {
    return Lookup.require(s, Sdk.class, sdkId, "SDK");
  }

  Page<Sdk> list(Session s, Integer type, Paging paging) {
    return ListQuery.of(Sdk.class, "k").equal("k.type", type).page(s, Sdk.class, paging);
  }

  private void apply(Sdk k, SdkPatch p) {
    if (p.name() != null) {
      k.name = p.name();
    }
    if (p.provider() != null) {
      k.provider = p.provider();
    }
    if (p.authority() != null) {
      k.authority = p.authority();
    }
    if (p.desc() != null) {
      k.desc = p.desc();
    }
    if (p.platform() != null) {
      k.platform = p.platform();
    }
    if (p.type() != null) {
      k.type = p.type();
    }
    if (p.version() != null) {
      k.version = p.version().isEmpty() ? null : p.version();
    }
    k.updatedAt = sc.now();
  }
}
