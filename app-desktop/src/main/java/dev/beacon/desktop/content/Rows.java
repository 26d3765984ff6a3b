package dev.beacon.desktop.content;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Helpers for tables whose rows are the server's JSON objects. */
public final class Rows {
  private Rows() {}

  /** A field as text: "" when absent, arrays joined with ", ". */
  public static String text(JsonObject row, String key) {
    if (row == null) {
      return "";
    }
    Object v = row.getValue(key);
    if (v == null) {
      return "";
    }
    if (v instanceof JsonArray a) {
      List<String> parts = new ArrayList<>();
      a.forEach(o -> parts.add(String.valueOf(o)));
      return String.join(", ", parts);
    }
    return v.toString();
  }

  /** The objects of an array field (empty when absent). */
  public static List<JsonObject> objects(JsonObject answer, String key) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray a = answer == null ? null : answer.getJsonArray(key);
    if (a != null) {
      a.forEach(o -> out.add((JsonObject) o));
    }
    return out;
  }

  /** A read-only column showing {@code key}. */
  public static TableColumn<JsonObject, String> column(String title, String key, double width) {
    return column(title, r -> text(r, key), width);
  }

  /** A read-only column showing what {@code value} makes of the row. */
  public static TableColumn<JsonObject, String> column(String title, Function<JsonObject, String> value, double width) {
    TableColumn<JsonObject, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  /** A column of numbers that sorts as numbers. */
  public static TableColumn<JsonObject, Number> number(String title, String key, double width) {
    TableColumn<JsonObject, Number> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> {
      Object v = cd.getValue().getValue(key);
      return new javafx.beans.property.ReadOnlyObjectWrapper<>(v instanceof Number n ? n : 0);
    });
    c.setPrefWidth(width);
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }

  /** Null for a blank text, else the trimmed text (for optional query parameters). */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
