package dev.beacon.desktop.ui;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns over typed rows: what a function makes of each row. */
public final class Columns {
  private Columns() {}

  /** A column of text. */
  public static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  /** A column of numbers, right-aligned, that sorts as numbers. */
  public static <T> TableColumn<T, Number> number(String title, ToLongFunction<T> value, double width) {
    TableColumn<T, Number> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cd.getValue())));
    c.setPrefWidth(width);
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }
}
