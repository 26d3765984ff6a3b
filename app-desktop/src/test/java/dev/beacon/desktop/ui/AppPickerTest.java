package dev.beacon.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.beacon.desktop.Fx;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.support.LiveServerTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared app chooser against a real server. */
class AppPickerTest extends LiveServerTest {

  @Test
  void loadsTheAppsAndSharesTheSelection() throws Exception {
    ConsoleContext ctx = server.context();
    BeaconClient admin = ctx.client();
    AppPicker picker = Fx.call(() -> new AppPicker(ctx));
    Fx.run(picker::reload);
    Fx.waitUntil(20, () -> !picker.busyProperty().get());
    assertEquals(List.of(), Fx.call(() -> List.copyOf(picker.getItems())), "no apps yet");
    assertNull(ctx.currentAppProperty().get());

    for (String name : List.of("Alpha", "Beta")) {
      admin.post("v1/user/" + admin.openId() + "/app", new JsonObject().put("name", name).put("platform", 1));
    }
    Fx.run(picker::reload);
    Fx.waitUntil(20, () -> picker.getItems().size() == 2);
    List<String> names = Fx.call(() -> picker.getItems().stream().map(AppRef::name).sorted().toList());
    assertEquals(List.of("Alpha", "Beta"), names);
    AppRef first = Fx.call(() -> picker.getSelectionModel().getSelectedItem());
    assertEquals(first, ctx.currentAppProperty().get(), "the first app becomes current");

    AppRef other = Fx.call(() -> picker.getItems().stream().filter(a -> !a.equals(first)).findFirst().orElseThrow());
    Fx.run(() -> picker.getSelectionModel().select(other));
    assertEquals(other, ctx.currentAppProperty().get(), "choosing an app makes it current");
    Fx.run(picker::reload);
    Fx.waitUntil(20, () -> !picker.busyProperty().get());
    assertEquals(other, Fx.call(() -> picker.getSelectionModel().getSelectedItem()), "a reload keeps the current app");
  }
}
