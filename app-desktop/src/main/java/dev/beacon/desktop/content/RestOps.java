package dev.beacon.desktop.content;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The usual shape of the content admin routes as {@link CrudTab.Ops}: list with
 * {@code GET listPath} (its rows under {@code listKey}), create with {@code POST base}, edit with
 * {@code PUT base/{id}}, delete with {@code DELETE base/{id}}. Lists ask for one page of up to 100.
 */
record RestOps(ConsoleContext ctx, String listPath, Supplier<Map<String, Object>> query, String listKey,
    String base, String idKey, UnaryOperator<JsonObject> onCreate) implements CrudTab.Ops {
  static final int PAGE = 100;

  static RestOps of(ConsoleContext ctx, String listPath, String listKey, String base, String idKey) {
    return new RestOps(ctx, listPath, Map::of, listKey, base, idKey, b -> b);
  }

  /** The same with extra list parameters (read at each reload) and a last touch to new rows' bodies. */
  RestOps with(Supplier<Map<String, Object>> extraQuery, UnaryOperator<JsonObject> createTouch) {
    return new RestOps(ctx, listPath, extraQuery, listKey, base, idKey, createTouch);
  }

  private BeaconClient client() {
    return ctx.client();
  }

  @Override
  public List<JsonObject> list() throws Exception {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("pageNo", 1);
    q.put("pageSize", PAGE);
    q.putAll(query.get());
    return Rows.objects(client().get(listPath, q), listKey);
  }

  @Override
  public void create(JsonObject body) throws Exception {
    client().post(base, onCreate.apply(body));
  }

  @Override
  public void update(JsonObject row, JsonObject body) throws Exception {
    client().put(base + "/" + Rows.text(row, idKey), body);
  }

  @Override
  public void delete(JsonObject row) throws Exception {
    client().delete(base + "/" + Rows.text(row, idKey));
  }
}
