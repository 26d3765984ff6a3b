package dev.beacon.desktop.shell;

import atlantafx.base.theme.Styles;
import dev.beacon.desktop.signin.SignInModel;
import dev.beacon.desktop.signin.SignInView;
import dev.beacon.desktop.ui.ConsoleContext;
import dev.beacon.desktop.ui.Screen;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The console's window: a header (server state, the signed-in account, theme, sign-out), the
 * server banners, and under them either the sign-in form or the navigation beside the current
 * screen. Screens are built when first shown and told when they are shown and hidden.
 * Ctrl+1..9 jump to a screen; the arrow keys move in the navigation.
 */
public final class MainWindow extends BorderPane {
  private final ConsoleContext ctx;
  private final List<Screen> screens;
  private final ListView<Screen> nav = new ListView<>();
  private final StackPane content = new StackPane();
  private final Map<String, Node> views = new HashMap<>();
  private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
  private final Consumer<String> screenShown;
  private Screen current;

  /**
   * @param first the screen to show first (the last one remembered)
   * @param screenShown told the id of each screen shown (to remember it)
   */
  public MainWindow(ConsoleContext ctx, ServerLifecycle status, SignInModel signIn, List<Screen> screens,
      String first, Consumer<String> screenShown) {
    this.ctx = ctx;
    this.screens = List.copyOf(screens);
    this.screenShown = screenShown;
    getStyleClass().add("main-window");

    Label brand = new Label("Beacon");
    brand.getStyleClass().addAll(Styles.TITLE_4, "brand");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Label account = new Label();
    account.setId("account");
    account.getStyleClass().add(Styles.TEXT_MUTED);
    account.textProperty().bind(Bindings.createStringBinding(() -> ctx.client() == null ? ""
        : "Signed in" + (ctx.admin() ? " as admin" : "") + " \u00b7 " + ctx.client().base(), ctx.clientProperty()));
    ToggleButton theme = new ToggleButton("Dark");
    theme.setId("themeSwitch");
    theme.getStyleClass().add(Styles.SMALL);
    theme.selectedProperty().bindBidirectional(dark);
    Button signOut = new Button("Sign out");
    signOut.setId("signOut");
    signOut.getStyleClass().add(Styles.SMALL);
    signOut.visibleProperty().bind(ctx.clientProperty().isNotNull());
    signOut.managedProperty().bind(signOut.visibleProperty());
    signOut.setOnAction(e -> signIn.signOut());
    HBox header = new HBox(16, brand, StatusBar.indicator(status), grow, account, theme, signOut);
    // what screens show in the header at all times (alerts' unread list), before the account
    this.screens.stream().map(Screen::headerItem).filter(java.util.Objects::nonNull)
        .forEach(n -> header.getChildren().add(header.getChildren().indexOf(account), n));
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("main-header");
    header.setPadding(new Insets(8, 16, 8, 16));
    VBox banners = StatusBar.banners(status);
    banners.setPadding(new Insets(0, 16, 0, 16));
    VBox top = new VBox(header, banners);
    setTop(top);

    nav.setId("nav");
    nav.getStyleClass().add("main-nav");
    nav.getItems().setAll(this.screens);
    nav.setPrefWidth(180);
    nav.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Screen s, boolean empty) {
        super.updateItem(s, empty);
        setText(empty || s == null ? null : s.title());
        setId(empty || s == null ? null : "nav-" + s.id());
      }
    });
    nav.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != null) {
        show(now);
      }
    });
    content.getStyleClass().add("main-content");
    BorderPane body = new BorderPane(content);
    body.setLeft(nav);
    BooleanBinding signedIn = ctx.clientProperty().isNotNull();
    body.visibleProperty().bind(signedIn);

    SignInView form = new SignInView(signIn);
    form.visibleProperty().bind(signedIn.not().and(signIn.formShownProperty()));
    ProgressIndicator waiting = new ProgressIndicator();
    Label waitingText = new Label();
    waitingText.textProperty().bind(Bindings.createStringBinding(
        () -> status.stateProperty().get() == ServerState.RUNNING ? "Signing in..." : status.stateProperty().get().label(),
        status.stateProperty()));
    VBox wait = new VBox(12, waiting, waitingText);
    wait.setAlignment(Pos.CENTER);
    wait.setId("waiting");
    wait.visibleProperty().bind(signedIn.not().and(signIn.formShownProperty().not()));
    setCenter(new StackPane(wait, form, body));

    ctx.clientProperty().addListener((o, was, now) -> {
      if (now != null && current != null) {
        current.shown(); // signed in (again): the screen loads what it shows
      } else if (now == null && current != null) {
        current.hidden();
      }
    });
    Screen start = this.screens.stream().filter(s -> s.id().equals(first)).findFirst()
        .orElse(this.screens.isEmpty() ? null : this.screens.get(0));
    if (start != null) {
      nav.getSelectionModel().select(start);
    }
  }

  /** Adds the Ctrl+1..9 shortcuts to the scene (call once the window has its scene). */
  public void installShortcuts(Scene scene) {
    KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
        KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
    for (int i = 0; i < Math.min(digits.length, screens.size()); i++) {
      Screen s = screens.get(i);
      scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
          () -> nav.getSelectionModel().select(s));
    }
  }

  /** Shows the screen with this id (no-op for an unknown id). FX thread. */
  public void select(String id) {
    screens.stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s -> nav.getSelectionModel().select(s));
  }

  private void show(Screen s) {
    if (s == current) {
      return;
    }
    if (current != null) {
      current.hidden();
    }
    current = s;
    Node view = views.computeIfAbsent(s.id(), id -> s.view());
    content.getChildren().setAll(view);
    screenShown.accept(s.id());
    if (ctx.client() != null) {
      s.shown();
    }
  }

  /** The screens, in navigation order. */
  public List<Screen> screens() {
    return screens;
  }

  /** The screen shown now. */
  public Screen current() {
    return current;
  }

  /** The theme switch's state: true for dark. */
  public BooleanProperty darkProperty() {
    return dark;
  }
}
