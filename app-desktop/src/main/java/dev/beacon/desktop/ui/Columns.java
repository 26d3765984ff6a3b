package dev.beacon.desktop.ui;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Read-only table columns over typed rows: what a function makes of each row. A column never
 * narrows below its header's text ({@link #headerFits}), so headers are not cut to "...".
 */
public final class Columns {
  /** Room beside a header's text: the cell padding and the sort arrow. */
  private static final double HEADER_ROOM = 30;
  /** The size of a header's text: the theme's (AtlantaFX's 14px, bold) with some margin for wider fonts. */
  private static final double HEADER_FONT = 15;

  private Columns() {}

  /**
   * Keeps the column at least as wide as its header's text in bold at the theme's size (plus the
   * padding and the sort arrow), and widens its preferred width to that if it was less.
   */
  public static <C extends TableColumn<?, ?>> C headerFits(C c) {
    Text t = new Text(c.getText());
    t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Math.max(HEADER_FONT, Font.getDefault().getSize())));
    double need = Math.ceil(t.getLayoutBounds().getWidth()) + HEADER_ROOM;
    c.setMinWidth(Math.max(c.getMinWidth(), need));
    if (c.getPrefWidth() < need) {
      c.setPrefWidth(need);
    }
    return c;
  }

  /** A column of text. */
  public static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
    c.setPrefWidth(width);
    return headerFits(c);
  }

  /** A column of numbers, right-aligned, that sorts as numbers. */
  public static <T> TableColumn<T, Number> number(String title, ToLongFunction<T> value, double width) {
    TableColumn<T, Number> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cd.getValue())));
    c.setPrefWidth(width);
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return headerFits(c);
  }
}
