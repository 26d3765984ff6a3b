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
 * including the ones added after them: method, path template, whether the route is public
 * ({@code security: []}) and its query parameters.
 */
record Routes(List<Op> ops) {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete");

  /** One operation. */
  record Op(String method, String template, boolean open, List<String> query) {
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
      boolean open = op.containsKey("security") && ((List<?>) op.get("security")).isEmpty();
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
      ops.add(new Op(method.toUpperCase(), path, open, List.copyOf(query)));
    }));
    return new Routes(List.copyOf(ops));
  }

  List<Op> guarded() {
    return ops.stream().filter(o -> !o.open()).toList();
  }

  Op find(String method, String template) {
    return ops.stream().filter(o -> o.method().equals(method) && o.template().equals(template)).findFirst()
        .orElseThrow(() -> new AssertionError("openapi.yaml has no " + method + " " + template));
  }
}
