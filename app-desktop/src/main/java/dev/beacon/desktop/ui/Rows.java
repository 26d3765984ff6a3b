package dev.beacon.desktop.ui;

import dev.beacon.desktop.client.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns over a screen's rows, and the small text helpers that go with them. */
public final class Rows {
  private Rows() {}

  /** A read-only column showing what {@code value} makes of the row. */
  public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  /** A column of numbers that sorts as numbers. */
  public static <T> TableColumn<T, Number> number(String title, ToLongFunction<T> value, double width) {
    TableColumn<T, Number> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cd.getValue())));
    c.setPrefWidth(width);
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }

  /** Null for a blank text, else the trimmed text (for optional query parameters). */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  // Rows still held as the server's JSON (screens not yet on records): the same columns by field name.

  /** A field as text: "" when absent, arrays joined with ", ". */
  public static String text(JsonObject row, String key) {
    return Json.text(row, key);
  }

  /** The objects of an array field (empty when absent). */
  public static List<JsonObject> objects(JsonObject answer, String key) {
    return Json.objects(answer, key);
  }

  /** A read-only column showing {@code key}. */
  public static TableColumn<JsonObject, String> column(String title, String key, double width) {
    return column(title, (JsonObject r) -> Json.text(r, key), width);
  }

  /** A column of the numbers in {@code key}. */
  public static TableColumn<JsonObject, Number> number(String title, String key, double width) {
    return number(title, (JsonObject r) -> Json.number(r, key, 0), width);
  }
}
