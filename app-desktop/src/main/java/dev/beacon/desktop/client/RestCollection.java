package dev.beacon.desktop.client;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One kind of row of the content admin routes, in their usual shape: listed with {@code GET
 * listPath} (the rows under {@code listKey}, one page of up to {@link #PAGE}), created with
 * {@code POST base}, edited with {@code PUT base/{id}}, deleted with {@code DELETE base/{id}}.
 * Request bodies are the form's fields by their names in the API. Blocking.
 */
public final class RestCollection<T> {
  public static final int PAGE = 100;

  private final String listPath;
  private final String listKey;
  private final String base;
  private final Function<JsonObject, T> as;
  private final Function<T, String> idOf;

  RestCollection(String listPath, String listKey, String base, Function<JsonObject, T> as, Function<T, String> idOf) {
    this.listPath = listPath;
    this.listKey = listKey;
    this.base = base;
    this.as = as;
    this.idOf = idOf;
  }

  /** The id the routes know a row by. */
  public String id(T row) {
    return idOf.apply(row);
  }

  /** The first page of rows, with {@code query}'s extra parameters. */
  public List<T> list(BeaconClient c, Map<String, ?> query) throws ApiError {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("pageNo", 1);
    q.put("pageSize", PAGE);
    q.putAll(query);
    return Json.list(c.get(listPath, q), listKey, as);
  }

  public void create(BeaconClient c, Map<String, ?> fields) throws ApiError {
    c.post(base, Json.body(fields));
  }

  public void update(BeaconClient c, T row, Map<String, ?> fields) throws ApiError {
    c.put(base + "/" + id(row), Json.body(fields));
  }

  public void delete(BeaconClient c, T row) throws ApiError {
    c.delete(base + "/" + id(row));
  }
}
