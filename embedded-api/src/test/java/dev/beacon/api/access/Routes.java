package dev.beacon.api.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations {@code openapi.yaml} describes, so that the access tests walk every route,
 * including the ones added after them: method, path template, the credential it takes and its
 * query parameters. Three kinds of credential: none ({@code security: []}), a Sentry DSN key (every
 * requirement names {@link #SENTRY_SCHEMES}, or is empty where the body may carry the key: 401/403
 * in Sentry's shape), and otherwise the developer's token (the family-B guard, 4001/4003).
 */
record Routes(List<Op> ops) {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");
  /** The security schemes of the Sentry ingest routes (a DSN's public key). */
  static final Set<String> SENTRY_SCHEMES = Set.of("sentryAuth", "sentryKey");

  /** What an operation takes to be let in. */
  enum Credential { NONE, TOKEN, SENTRY_KEY }

  /** One operation. */
  record Op(String method, String template, Credential credential, List<String> query) {
    /** Public: no token guard (open to anyone, or keyed by a Sentry DSN key). */
    boolean open() {
      return credential != Credential.TOKEN;
    }

    boolean sentry() {
      return credential == Credential.SENTRY_KEY;
    }

    boolean admin() {
      return template.startsWith("/v1/admin/");
    }

    boolean has(String pathParam) {
      return template.contains("{" + pathParam + "}");
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @SuppressWarnings("unchecked")
  static Routes load() {
    Map<String, Object> doc;
    try (InputStream in = Routes.class.getResourceAsStream("/openapi.yaml")) {
      doc = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> components = (Map<String, Object>) doc.get("components");
    Map<String, Map<String, Object>> shared = (Map<String, Map<String, Object>>) components.get("parameters");
    List<Op> ops = new ArrayList<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, value) -> {
      if (!METHODS.contains(method)) {
        return;
      }
      Map<String, Object> op = (Map<String, Object>) value;
      Credential credential = credential((List<Map<String, Object>>) op.get("security"));
      List<String> query = new ArrayList<>();
      for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
        Map<String, Object> param = (Map<String, Object>) p;
        if (param.containsKey("$ref")) {
          String ref = (String) param.get("$ref");
          param = shared.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if ("query".equals(param.get("in"))) {
          query.add((String) param.get("name"));
        }
      }
      ops.add(new Op(method.toUpperCase(), path, credential, List.copyOf(query)));
    }));
    return new Routes(List.copyOf(ops));
  }

  /** The credential an operation's security requirements name (absent: the document's default, the token). */
  private static Credential credential(List<Map<String, Object>> security) {
    if (security == null) {
      return Credential.TOKEN;
    }
    if (security.isEmpty()) {
      return Credential.NONE;
    }
    boolean sentry = security.stream().anyMatch(r -> !r.isEmpty())
        && security.stream().allMatch(r -> SENTRY_SCHEMES.containsAll(r.keySet()));
    return sentry ? Credential.SENTRY_KEY : Credential.TOKEN;
  }

  /** The operations behind the developer's token (the family-B guard). */
  List<Op> guarded() {
    return ops.stream().filter(o -> o.credential() == Credential.TOKEN).toList();
  }

  /** The operations keyed by a Sentry DSN key. */
  List<Op> sentryKeyed() {
    return ops.stream().filter(Op::sentry).toList();
  }

  Op find(String method, String template) {
    return ops.stream().filter(o -> o.method().equals(method) && o.template().equals(template)).findFirst()
        .orElseThrow(() -> new AssertionError("openapi.yaml has no " + method + " " + template));
  }
}
