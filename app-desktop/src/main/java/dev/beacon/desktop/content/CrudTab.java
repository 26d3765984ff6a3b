package dev.beacon.desktop.content;

import dev.beacon.desktop.content.CrudModel.Field;
import dev.beacon.desktop.content.CrudModel.Kind;
import dev.beacon.desktop.content.CrudModel.Ref;
import dev.beacon.desktop.ui.Confirm;
import dev.beacon.desktop.ui.StatusLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The view of a {@link CrudModel}, used by every table tab of the Content screen: the table on the
 * left, the selected row's form on the right (empty for a new one), New / Save / Delete… / Reload,
 * progress and errors in place. Builds and binds only.
 * Node ids: {@code <id>-table}, {@code -new}, {@code -save}, {@code -delete}, {@code -reload}, and
 * {@code <id>-<field key>} for the fields.
 */
public final class CrudTab<T> extends BorderPane {
  private final CrudModel<T> model;
  private final String id;
  private final TableView<T> table;
  private final List<Control> inputs = new ArrayList<>();
  private final VBox side = new VBox(10);
  private boolean syncing;

  /** {@code empty} is the table's text when there are no rows. */
  public CrudTab(CrudModel<T> model, String id, List<TableColumn<T, ?>> columns, String empty) {
    this.model = model;
    this.id = id;
    setId(id);
    getStyleClass().add("crud-tab");
    table = new TableView<>(model.items);
    table.setId(id + "-table");
    table.getColumns().setAll(columns);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label placeholder = new Label(empty);
    placeholder.setWrapText(true);
    placeholder.getStyleClass().add("empty-title");
    table.setPlaceholder(placeholder);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> sync(() -> model.selected.set(now)));
    model.selected.addListener((o, was, now) -> sync(() -> {
      if (now == null) {
        table.getSelectionModel().clearSelection();
      } else {
        table.getSelectionModel().select(now);
      }
    }));

    Button neu = button("-new", "New");
    neu.setOnAction(e -> {
      table.getSelectionModel().clearSelection();
      model.newRow();
      inputs.stream().findFirst().ifPresent(Node::requestFocus);
    });
    Button delete = button("-delete", "Delete…");
    delete.disableProperty().bind(model.canDelete().not());
    delete.setOnAction(e -> {
      if (model.canDelete().get() && Confirm.ask(this, model.confirmDelete())) {
        model.delete();
      }
    });
    Button reload = button("-reload", "Reload");
    reload.setOnAction(e -> model.reload());
    HBox bar = new HBox(8, neu, delete, reload, new StatusLine(id, model.busy, model.problem));
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(6, table, bar);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setPadding(new Insets(8));

    Label formTitle = new Label();
    formTitle.getStyleClass().add("form-title");
    formTitle.textProperty().bind(model.formTitle());
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    int row = 0;
    for (Field<T> f : model.fields()) {
      Control input = input(f, model.value(f.key()));
      input.setId(id + "-" + f.key());
      inputs.add(input);
      Label l = new Label(f.label());
      l.setLabelFor(input);
      l.setMinWidth(Region.USE_PREF_SIZE);
      form.addRow(row++, l, input);
      GridPane.setHgrow(input, Priority.ALWAYS);
    }
    Button save = button("-save", "_Save");
    save.setDefaultButton(false);
    save.setOnAction(e -> model.save());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox head = new HBox(8, formTitle, gap, save); // Save stays in view however long the form
    head.setAlignment(Pos.CENTER_LEFT);
    head.setPadding(new Insets(8, 8, 0, 8));
    side.getChildren().add(form);
    side.setPadding(new Insets(8));
    ScrollPane scroll = new ScrollPane(side);
    scroll.setFitToWidth(true);
    BorderPane right = new BorderPane(scroll);
    right.setTop(head);
    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.62);
    setCenter(split);
  }

  /** Runs a selection change unless it comes from the other side's change. */
  private void sync(Runnable change) {
    if (!syncing) {
      syncing = true;
      try {
        change.run();
      } finally {
        syncing = false;
      }
    }
  }

  private Button button(String suffix, String text) {
    Button b = new Button(text);
    b.setId(id + suffix);
    return b;
  }

  private static Control input(Field<?> f, StringProperty value) {
    return switch (f.kind()) {
      case AREA -> {
        TextArea t = new TextArea();
        t.setPrefRowCount(4);
        t.setWrapText(true);
        t.textProperty().bindBidirectional(value);
        yield t;
      }
      case CHOICE -> choice(f, value);
      case REF -> ref(f.ref(), value);
      default -> {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(value);
        yield t;
      }
    };
  }

  /** A combo box of "value label" choices showing the label, its value the first word. */
  private static ComboBox<String> choice(Field<?> f, StringProperty value) {
    ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(f.choices()));
    c.setMaxWidth(Double.MAX_VALUE);
    c.setConverter(new StringConverter<>() { // shows "native SDK" for "2 native SDK"
      @Override
      public String toString(String choice) {
        return choice == null ? "" : choice.contains(" ") ? choice.split(" ", 2)[1] : choice;
      }

      @Override
      public String fromString(String text) {
        return f.choices().stream().filter(ch -> toString(ch).equals(text)).findFirst().orElse(text);
      }
    });
    bind(c, value, f::choiceOf, choice -> choice.split(" ", 2)[0]);
    return c;
  }

  /** A combo box of another kind of row, showing their labels, its value the chosen row's id. */
  private static <R> ComboBox<R> ref(Ref<R> ref, StringProperty value) {
    ComboBox<R> c = new ComboBox<>(ref.items());
    c.setMaxWidth(Double.MAX_VALUE);
    c.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(R r, boolean empty) {
        super.updateItem(r, empty);
        setText(empty || r == null ? null : ref.label().apply(r));
      }
    });
    c.setButtonCell(c.getCellFactory().call(null));
    Runnable show = bind(c, value, ref::find, ref.id());
    ref.items().addListener((ListChangeListener<R>) ch -> show.run());
    return c;
  }

  /**
   * Keeps a combo box and a form value in step: the value shows as the item {@code item} finds for
   * it, a chosen item sets the value to {@code valueOf} it ("" for none). Returns what shows the
   * value again (when the items change).
   */
  private static <X> Runnable bind(ComboBox<X> c, StringProperty value, Function<String, X> item, Function<X, String> valueOf) {
    boolean[] showing = {false};
    Runnable show = () -> {
      showing[0] = true;
      c.setValue(item.apply(value.get()));
      showing[0] = false;
    };
    value.addListener((o, was, now) -> show.run());
    c.valueProperty().addListener((o, was, now) -> {
      if (!showing[0]) {
        value.set(now == null ? "" : valueOf.apply(now));
      }
    });
    show.run();
    return show;
  }

  /** Extra content under the form (e.g. a poster's preview). */
  public void addToSide(Node node) {
    side.getChildren().add(node);
  }

  public CrudModel<T> model() {
    return model;
  }

  public TableView<T> table() {
    return table;
  }
}
