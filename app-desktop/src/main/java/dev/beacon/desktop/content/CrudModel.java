package dev.beacon.desktop.content;

import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.client.RestCollection;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.Confirm;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of one "table + form + delete" of the Content screen over one kind of row: the rows,
 * the selected one (null: the form makes a new one), the form's values by field, and the calls
 * that list, create, edit and delete rows through a {@link RestCollection}, with busy and problem.
 * Holds no Nodes; {@link CrudTab} shows it.
 */
public final class CrudModel<T> {
  /** The kinds of form fields. */
  public enum Kind { TEXT, AREA, NUMBER, CHOICE, REF }

  /** The rows a REF field offers: each shown as {@code label}, sent as {@code id}. */
  public record Ref<R>(ObservableList<R> items, Function<R, String> id, Function<R, String> label) {
    /** The item whose id is {@code value}, or null. */
    public R find(String value) {
      return items.stream().filter(r -> Objects.equals(value, id.apply(r))).findFirst().orElse(null);
    }
  }

  /**
   * A form field: {@code key} in the request body, its value in a row read by {@code read}; CHOICE
   * fields offer {@code choices} written "value label" (the label is shown, the value sent); REF
   * fields offer the rows of {@code ref}.
   */
  public record Field<T>(String key, String label, Kind kind, Function<T, String> read, List<String> choices, Ref<?> ref) {
    public static <T> Field<T> text(String key, String label, Function<T, String> read) {
      return new Field<>(key, label, Kind.TEXT, read, List.of(), null);
    }

    public static <T> Field<T> area(String key, String label, Function<T, String> read) {
      return new Field<>(key, label, Kind.AREA, read, List.of(), null);
    }

    public static <T> Field<T> number(String key, String label, Function<T, String> read) {
      return new Field<>(key, label, Kind.NUMBER, read, List.of(), null);
    }

    /** Choices such as {@code "1 light app"}: the first word is the value. */
    public static <T> Field<T> choice(String key, String label, Function<T, String> read, String... choices) {
      return new Field<>(key, label, Kind.CHOICE, read, List.of(choices), null);
    }

    public static <T, R> Field<T> ref(String key, String label, Function<T, String> read, Ref<R> ref) {
      return new Field<>(key, label, Kind.REF, read, List.of(), ref);
    }

    /** The choice a value stands for ("2" is "2 native SDK"), or null for none. */
    public String choiceOf(String value) {
      return choices.stream().filter(ch -> ch.equals(value) || ch.startsWith(value + " ")).findFirst()
          .orElse(value == null || value.isEmpty() ? null : value);
    }
  }

  private final ConsoleContext ctx;
  private final String noun;
  private final RestCollection<T> rest;
  private final Function<T, String> nameOf;
  private final List<Field<T>> fields;
  private final Map<String, StringProperty> values = new LinkedHashMap<>();
  private Supplier<Map<String, ?>> query = Map::of;
  private UnaryOperator<Map<String, Object>> onCreate = b -> b;

  final ObservableList<T> items = FXCollections.observableArrayList();
  final ObjectProperty<T> selected = new SimpleObjectProperty<>(this, "selected");
  final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  final StringProperty problem = new SimpleStringProperty(this, "problem", "");
  private final StringBinding formTitle;
  private final BooleanBinding canDelete;

  /** {@code noun} names one row in messages ("SDK"); {@code nameOf} names a row. */
  public CrudModel(ConsoleContext ctx, String noun, RestCollection<T> rest, Function<T, String> nameOf, List<Field<T>> fields) {
    this.ctx = ctx;
    this.noun = noun;
    this.rest = rest;
    this.nameOf = nameOf;
    this.fields = List.copyOf(fields);
    for (Field<T> f : this.fields) {
      values.put(f.key(), new SimpleStringProperty(this, f.key(), ""));
    }
    formTitle = Bindings.createStringBinding(() -> selected.get() == null ? "New " + noun
        : "Edit " + noun + " " + nameOf.apply(selected.get()), selected);
    canDelete = selected.isNotNull();
    selected.addListener((o, was, now) -> fill(now));
  }

  /** Lists with {@code extra} parameters (read at each reload) and gives new rows' bodies a last touch. */
  public CrudModel<T> with(Supplier<Map<String, ?>> extra, UnaryOperator<Map<String, Object>> createTouch) {
    this.query = extra;
    this.onCreate = createTouch;
    return this;
  }

  public List<Field<T>> fields() {
    return fields;
  }

  /** The form's value of field {@code key}, as text (a CHOICE's or REF's value is what is sent). */
  public StringProperty value(String key) {
    return values.get(key);
  }

  public ObservableList<T> items() {
    return items;
  }

  public ObjectProperty<T> selectedProperty() {
    return selected;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty problemProperty() {
    return problem;
  }

  /** "New SDK", or "Edit SDK Beacon SDK" while a row is selected. */
  public StringBinding formTitle() {
    return formTitle;
  }

  public BooleanBinding canDelete() {
    return canDelete;
  }

  /** The question before deleting the selected row (null while none is). */
  public Confirm.Question confirmDelete() {
    T row = selected.get();
    return row == null ? null : new Confirm.Question("Delete the " + noun + " '" + nameOf.apply(row) + "'?",
        "This cannot be undone.", "Delete");
  }

  /** Clears the selection and the form for a new row. */
  public void newRow() {
    selected.set(null);
    fill(null);
  }

  private void fill(T row) {
    for (Field<T> f : fields) {
      String v = row == null ? "" : f.read().apply(row);
      values.get(f.key()).set(v == null ? "" : v);
    }
  }

  /** The form as a request body: non-empty values only, trimmed but for text areas; numbers as numbers. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    for (Field<T> f : fields) {
      String v = values.get(f.key()).get();
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

  /** Loads the rows in the background, keeping the selection when the row is still there. */
  public void reload() {
    BeaconClient c = ctx.client();
    if (c == null) {
      return;
    }
    T keep = selected.get();
    Map<String, ?> q = query.get();
    Background.run(ctx, () -> rest.list(c, q), rows -> show(rows, keep), busy, problem);
  }

  /** Creates a row from the form, or saves the form into the selected row; then reloads. */
  public void save() {
    BeaconClient c = ctx.client();
    T row = selected.get();
    Map<String, Object> body = body();
    Map<String, ?> q = query.get();
    Background.run(ctx, () -> {
      if (row == null) {
        rest.create(c, onCreate.apply(body));
      } else {
        rest.update(c, row, body);
      }
      return rest.list(c, q);
    }, rows -> {
      show(rows, row);
      if (row == null) {
        fill(null);
      }
    }, busy, problem);
  }

  /** Deletes the selected row (the view asks first); then reloads. */
  public void delete() {
    BeaconClient c = ctx.client();
    T row = selected.get();
    if (row == null) {
      return;
    }
    Map<String, ?> q = query.get();
    Background.run(ctx, () -> {
      rest.delete(c, row);
      return rest.list(c, q);
    }, rows -> {
      show(rows, null);
      newRow();
    }, busy, problem);
  }

  private void show(List<T> rows, T keep) {
    items.setAll(rows);
    String id = keep == null ? null : rest.id(keep);
    T again = id == null ? null : rows.stream().filter(r -> id.equals(rest.id(r))).findFirst().orElse(null);
    if (again != null || !items.contains(selected.get())) {
      selected.set(again);
    }
  }
}
