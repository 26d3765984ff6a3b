package dev.beacon.desktop.content;

import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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

/**
 * One "table + form + delete with confirmation" over a list of the server's JSON objects, used by
 * every tab of the Content screen: the table on the left, the selected row's form on the right
 * (empty for a new one), New / Save / Delete… / Reload, progress and errors in place. What the
 * rows are and how they are listed, created, edited and deleted comes from an {@link Ops}.
 * Node ids: {@code <id>-table}, {@code -new}, {@code -save}, {@code -delete}, {@code -reload}, and
 * {@code <id>-<field key>} for the fields.
 */
public final class CrudTab extends BorderPane {
  /** The server calls of one kind of row; blocking, run in the background. */
  public interface Ops {
    List<JsonObject> list() throws Exception;

    void create(JsonObject body) throws Exception;

    void update(JsonObject row, JsonObject body) throws Exception;

    void delete(JsonObject row) throws Exception;
  }

  /** The kinds of form fields. */
  public enum Kind { TEXT, AREA, NUMBER, CHOICE, REF }

  /**
   * A form field: {@code key} in the request body, read from {@code rowKey} of a row; CHOICE
   * fields offer {@code choices} written "value label" (the label is shown, the value sent); REF fields offer the
   * objects of {@code refs}, showing {@code refLabel} and sending {@code refId}.
   */
  public record Field(String key, String rowKey, String label, Kind kind, List<String> choices,
      ObservableList<JsonObject> refs, String refId, String refLabel) {
    public static Field text(String key, String label) {
      return new Field(key, key, label, Kind.TEXT, List.of(), null, null, null);
    }

    public static Field area(String key, String label) {
      return new Field(key, key, label, Kind.AREA, List.of(), null, null, null);
    }

    public static Field number(String key, String label) {
      return new Field(key, key, label, Kind.NUMBER, List.of(), null, null, null);
    }

    /** Choices such as {@code "1 light app"}: the first word is the value. */
    public static Field choice(String key, String label, String... choices) {
      return new Field(key, key, label, Kind.CHOICE, List.of(choices), null, null, null);
    }

    public static Field ref(String key, String label, ObservableList<JsonObject> refs, String refId, String refLabel) {
      return new Field(key, key, label, Kind.REF, List.of(), refs, refId, refLabel);
    }

    /** The same field read from another key of the rows (e.g. sent as picUrl, listed as pic). */
    public Field readFrom(String rowKey) {
      return new Field(key, rowKey, label, kind, choices, refs, refId, refLabel);
    }
  }

  private final ConsoleContext ctx;
  private final String id;
  private final String noun;
  private final String idKey;
  private final Ops ops;
  private final List<Field> fields;
  private final Map<String, Control> inputs = new LinkedHashMap<>();
  private final ObservableList<JsonObject> items = FXCollections.observableArrayList();
  private final TableView<JsonObject> table = new TableView<>(items);
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final VBox side = new VBox(10);
  private final Label formTitle = new Label();

  /**
   * {@code noun} names one row in messages ("SDK"); {@code idKey} is the rows' id field, which
   * keeps the selection across reloads; {@code empty} is the table's text when there are no rows.
   */
  public CrudTab(ConsoleContext ctx, String id, String noun, String idKey, List<TableColumn<JsonObject, ?>> columns,
      List<Field> fields, Ops ops, String empty) {
    this.ctx = ctx;
    this.id = id;
    this.noun = noun;
    this.idKey = idKey;
    this.ops = ops;
    this.fields = List.copyOf(fields);
    setId(id);
    getStyleClass().add("crud-tab");
    table.setId(id + "-table");
    table.getColumns().setAll(columns);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label placeholder = new Label(empty);
    placeholder.setWrapText(true);
    placeholder.getStyleClass().add("empty-title");
    table.setPlaceholder(placeholder);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> fill(now));

    Button neu = button("-new", "New");
    neu.setOnAction(e -> {
      table.getSelectionModel().clearSelection();
      fill(null);
      inputs.values().stream().findFirst().ifPresent(Node::requestFocus);
    });
    Button delete = button("-delete", "Delete…");
    delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    delete.setOnAction(e -> delete());
    Button reload = button("-reload", "Reload");
    reload.setOnAction(e -> reload());
    HBox bar = new HBox(8, neu, delete, reload, new StatusLine(id, busy, problem));
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(6, table, bar);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setPadding(new Insets(8));

    formTitle.getStyleClass().add("form-title");
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    int row = 0;
    for (Field f : this.fields) {
      Control input = input(f);
      input.setId(id + "-" + f.key());
      inputs.put(f.key(), input);
      Label l = new Label(f.label());
      l.setLabelFor(input);
      l.setMinWidth(Region.USE_PREF_SIZE);
      form.addRow(row++, l, input);
      GridPane.setHgrow(input, Priority.ALWAYS);
    }
    Button save = button("-save", "_Save");
    save.setDefaultButton(false);
    save.setOnAction(e -> save());
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
    fill(null);
  }

  private Button button(String suffix, String text) {
    Button b = new Button(text);
    b.setId(id + suffix);
    return b;
  }

  private Control input(Field f) {
    return switch (f.kind()) {
      case AREA -> {
        TextArea t = new TextArea();
        t.setPrefRowCount(4);
        t.setWrapText(true);
        yield t;
      }
      case CHOICE -> {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(f.choices()));
        c.setMaxWidth(Double.MAX_VALUE);
        c.setConverter(new javafx.util.StringConverter<>() { // shows "native SDK" for "2 native SDK"
          @Override
          public String toString(String choice) {
            return choice == null ? "" : choice.contains(" ") ? choice.split(" ", 2)[1] : choice;
          }

          @Override
          public String fromString(String text) {
            return f.choices().stream().filter(ch -> toString(ch).equals(text)).findFirst().orElse(text);
          }
        });
        yield c;
      }
      case REF -> {
        ComboBox<JsonObject> c = new ComboBox<>(f.refs());
        c.setMaxWidth(Double.MAX_VALUE);
        c.setCellFactory(l -> new ListCell<>() {
          @Override
          protected void updateItem(JsonObject o, boolean empty) {
            super.updateItem(o, empty);
            setText(empty || o == null ? null : Rows.text(o, f.refLabel()));
          }
        });
        c.setButtonCell(c.getCellFactory().call(null));
        yield c;
      }
      default -> new TextField();
    };
  }

  /** Extra content under the form (e.g. a poster's preview). */
  public void addToSide(Node node) {
    side.getChildren().add(node);
  }

  public ObservableList<JsonObject> items() {
    return items;
  }

  public TableView<JsonObject> table() {
    return table;
  }

  public ReadOnlyObjectProperty<JsonObject> selectedProperty() {
    return table.getSelectionModel().selectedItemProperty();
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty problemProperty() {
    return problem;
  }

  /** Loads the rows in the background, keeping the selection when the row is still there. */
  public void reload() {
    if (ctx.client() == null) {
      return;
    }
    JsonObject keep = table.getSelectionModel().getSelectedItem();
    Background.run(ctx, ops::list, rows -> {
      items.setAll(rows);
      if (keep != null) {
        rows.stream().filter(r -> sameRow(r, keep)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
      }
    }, busy, problem);
  }

  private boolean sameRow(JsonObject a, JsonObject b) {
    return Objects.equals(a.getValue(idKey), b.getValue(idKey));
  }

  private void fill(JsonObject row) {
    formTitle.setText(row == null ? "New " + noun : "Edit " + noun + " " + Rows.text(row, "name"));
    for (Field f : fields) {
      Control c = inputs.get(f.key());
      String v = row == null ? "" : Rows.text(row, f.rowKey());
      if (c instanceof TextField t) {
        t.setText(v);
      } else if (c instanceof TextArea t) {
        t.setText(v);
      } else {
        setCombo(f, c, v);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void setCombo(Field f, Control c, String v) {
    if (f.kind() == Kind.CHOICE) {
      ComboBox<String> box = (ComboBox<String>) c;
      box.setValue(f.choices().stream().filter(ch -> ch.equals(v) || ch.startsWith(v + " ")).findFirst()
          .orElse(v.isEmpty() ? null : v));
    } else {
      ComboBox<JsonObject> box = (ComboBox<JsonObject>) c;
      box.setValue(f.refs().stream().filter(o -> Objects.equals(v, Rows.text(o, f.refId()))).findFirst().orElse(null));
    }
  }

  /** The form as a request body: non-empty values only; numbers as numbers. */
  @SuppressWarnings("unchecked")
  JsonObject body() {
    JsonObject body = new JsonObject();
    for (Field f : fields) {
      Control c = inputs.get(f.key());
      String v = switch (f.kind()) {
        case TEXT, NUMBER -> ((TextField) c).getText();
        case AREA -> ((TextArea) c).getText();
        case CHOICE -> {
          String s = ((ComboBox<String>) c).getValue();
          yield s == null ? "" : s.split(" ", 2)[0];
        }
        case REF -> {
          JsonObject o = ((ComboBox<JsonObject>) c).getValue();
          yield o == null ? "" : Rows.text(o, f.refId());
        }
      };
      if (v == null || v.isBlank()) {
        continue;
      }
      if (f.kind() == Kind.NUMBER) {
        try {
          body.put(f.key(), Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
          body.put(f.key(), v.trim()); // the server names the bad field
        }
      } else {
        body.put(f.key(), f.kind() == Kind.AREA ? v : v.trim());
      }
    }
    return body;
  }

  private void save() {
    JsonObject row = table.getSelectionModel().getSelectedItem();
    JsonObject body = body();
    Background.run(ctx, () -> {
      if (row == null) {
        ops.create(body);
      } else {
        ops.update(row, body);
      }
      return ops.list();
    }, rows -> {
      items.setAll(rows);
      if (row != null) {
        rows.stream().filter(r -> sameRow(r, row)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
      } else {
        fill(null);
      }
    }, busy, problem);
  }

  private void delete() {
    JsonObject row = table.getSelectionModel().getSelectedItem();
    if (row == null || !Confirm.ask(this, "Delete the " + noun + " '" + Rows.text(row, "name") + "'?",
        "This cannot be undone.", "Delete")) {
      return;
    }
    Background.run(ctx, () -> {
      ops.delete(row);
      return ops.list();
    }, rows -> {
      items.setAll(rows);
      fill(null);
    }, busy, problem);
  }
}
