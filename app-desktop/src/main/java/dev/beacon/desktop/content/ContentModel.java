package dev.beacon.desktop.content;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import io.vertx.core.json.JsonObject;

/**
 * What the Content screen's tabs share: the docs (for the "doc" choices of resources, categories
 * and light modules) and the selected SDK (whose resources are listed). Each tab's own rows live
 * in its {@link CrudTab}; the Q&A tab has {@link QaModel}.
 */
public final class ContentModel {
  private final ConsoleContext ctx;
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  final ObservableList<JsonObject> docs = FXCollections.observableArrayList();
  /** The SDK whose resources are listed; read by background list calls, hence volatile. */
  volatile String sdkId;
  final QaModel qa;

  public ContentModel(ConsoleContext ctx) {
    this.ctx = ctx;
    this.qa = new QaModel(ctx);
  }

  ConsoleContext context() {
    return ctx;
  }

  /** Reloads the doc choices (up to 100, by name). */
  public void loadDocs() {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    Background.run(ctx, () -> c.get("v1/admin/doc", Map.of("pageNo", 1, "pageSize", 100, "orderBy", "name:asc")),
        j -> docs.setAll(Rows.objects(j, "docs")), busy, problem);
  }
}
