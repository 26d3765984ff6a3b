package dev.beacon.desktop.releases;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.client.Version;
import dev.beacon.desktop.client.VersionAction;
import dev.beacon.desktop.client.VersionChange;
import dev.beacon.desktop.client.VersionPackage;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected version's release: its channel and state, a rollout percentage (spinner) with Roll
 * out / Halt / Resume / Complete / Roll back, the machines currently on it, its packages per
 * platform with their hashes (and which updaters' feeds leave a package out for a missing hash),
 * and its history.
 */
final class RolloutPane {
  private RolloutPane() {}

  static Node of(ReleasesModel model) {
    Label title = new Label();
    title.setId("rolloutTitle");
    title.getStyleClass().add(Styles.TITLE_4);
    Label machines = new Label();
    machines.setId("rolloutMachines");
    Spinner<Integer> percent = new Spinner<>(1, 100, 100, 5);
    percent.setId("rolloutPercent");
    percent.setEditable(true);
    percent.setPrefWidth(90);
    Button rollOut = button("rollOut", "Roll _out", Styles.ACCENT);
    Button halt = button("halt", "_Halt", Styles.DANGER);
    Button resume = button("resume", "Res_ume", null);
    Button complete = button("complete", "Com_plete", Styles.SUCCESS);
    Button rollBack = button("rollBack", "Roll _back", null);

    var sel = model.selectedProperty();
    rollOut.setOnAction(e -> model.act(sel.get(), ReleasesModel.rollOut(sel.get(), percent.getValue())));
    halt.setOnAction(e -> model.act(sel.get(), VersionAction.halt()));
    resume.setOnAction(e -> model.act(sel.get(), VersionAction.resume()));
    complete.setOnAction(e -> model.act(sel.get(), VersionAction.complete()));
    rollBack.setOnAction(e -> model.act(sel.get(), VersionAction.rollback()));
    rollOut.disableProperty().bind(not(model, List.of("draft", "disabled", "rolling", "released", "halted")));
    halt.disableProperty().bind(not(model, List.of("rolling", "released")));
    resume.disableProperty().bind(not(model, List.of("halted")));
    complete.disableProperty().bind(not(model, List.of("rolling", "halted")));
    rollBack.disableProperty().bind(not(model, List.of("rolling", "released", "halted")));

    ListView<String> packages = new ListView<>();
    packages.setId("rolloutPackages");
    packages.setPrefHeight(110);
    packages.setMinHeight(40);
    ListView<String> history = new ListView<>();
    history.setId("rolloutHistory");
    history.setPrefHeight(110);
    history.setMinHeight(40);

    Runnable show = () -> {
      Version v = sel.get();
      if (v == null) {
        title.setText("Select a version to roll it out");
        machines.setText("");
        packages.getItems().clear();
        history.getItems().clear();
        return;
      }
      title.setText(v.name() + "  \u2014  channel " + v.channel() + ", " + v.rolloutText());
      machines.setText(model.machinesOn(v) + " machines on it now");
      percent.getValueFactory().setValue(v.state().equals("draft") || v.state().equals("disabled") ? 10 : v.rollout());
      packages.getItems().setAll(v.packages().isEmpty() ? List.of("no packages per platform (the version's url serves every feed that needs no hash)")
          : v.packages().stream().map(RolloutPane::packageLine).toList());
      history.getItems().setAll(v.history().isEmpty() ? List.of("no changes yet")
          : newestFirst(v.history()));
    };
    sel.addListener((o, was, now) -> show.run());
    model.machinesProperty().addListener((o, was, now) -> show.run());
    show.run();

    HBox actions = new HBox(8, new Label("Rollout %"), percent, rollOut, halt, resume, complete, rollBack, machines);
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox lists = new VBox(4, new Label("Packages"), packages);
    VBox changes = new VBox(4, new Label("History"), history);
    HBox below = new HBox(12, lists, changes);
    HBox.setHgrow(lists, Priority.ALWAYS);
    HBox.setHgrow(changes, Priority.ALWAYS);
    VBox pane = new VBox(8, title, actions, below);
    pane.setId("rolloutPane");
    return pane;
  }

  /** A package in one line: platform, architecture, size, short hashes, and the feeds it is missing from. */
  static String packageLine(VersionPackage p) {
    StringBuilder s = new StringBuilder(p.label());
    if (p.size() >= 0) {
      s.append("  ").append(p.size()).append(" bytes");
    }
    s.append("  sha256 ").append(shortHash(p.sha256())).append("  sha512 ").append(shortHash(p.sha512()));
    List<String> missing = p.missingFor();
    if (!missing.isEmpty()) {
      s.append("  \u2014 left out of ").append(String.join(" and ", missing).toLowerCase(Locale.ROOT).replace("sha", "SHA"));
    }
    return s.toString();
  }

  private static List<String> newestFirst(List<VersionChange> history) {
    List<String> lines = new java.util.ArrayList<>(history.stream().map(VersionChange::text).toList());
    java.util.Collections.reverse(lines);
    return lines;
  }

  private static String shortHash(String h) {
    return h.isEmpty() ? "missing" : h.substring(0, Math.min(12, h.length())) + "\u2026";
  }

  private static Button button(String id, String text, String style) {
    Button b = new Button(text);
    b.setId(id);
    if (style != null) {
      b.getStyleClass().add(style);
    }
    return b;
  }

  /** True unless a version is selected and its state is one of {@code states}. */
  private static BooleanBinding not(ReleasesModel model, List<String> states) {
    return Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
        || !states.contains(model.selectedProperty().get().state()), model.selectedProperty(), model.busyProperty());
  }
}
