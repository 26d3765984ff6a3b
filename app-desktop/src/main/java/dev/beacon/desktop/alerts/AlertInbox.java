package dev.beacon.desktop.alerts;

import dev.beacon.desktop.client.Alert;
import dev.beacon.desktop.client.AlertsApi;
import dev.beacon.desktop.client.App;
import dev.beacon.desktop.client.AppsApi;
import dev.beacon.desktop.client.BeaconClient;
import dev.beacon.desktop.ui.Background;
import dev.beacon.desktop.ui.ConsoleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The alerts that arrived while the console runs: every {@code beacon.console.alerts-poll-ms} (30
 * s) while signed in it asks each app for its newest alerts; those it had not seen become unread
 * and are announced (a desktop notification). The alerts there at sign-in count as seen.
 */
final class AlertInbox {
  private static final int PER_APP = 20;

  /** An unread alert with its app's name. */
  record Unread(Alert alert, String appName) {
    @Override
    public String toString() {
      return appName + ": " + alert.text();
    }
  }

  final ObservableList<Unread> unread = FXCollections.observableArrayList();
  private final ConsoleContext ctx;
  private final Consumer<Unread> announce;
  private final Set<String> seen = new HashSet<>();
  private final Timeline timer;
  private boolean primed;
  private boolean polling;

  AlertInbox(ConsoleContext ctx, Consumer<Unread> announce) {
    this.ctx = ctx;
    this.announce = announce;
    long every = Long.getLong("beacon.console.alerts-poll-ms", 30_000L);
    timer = new Timeline(new KeyFrame(Duration.millis(every), e -> poll()));
    timer.setCycleCount(Timeline.INDEFINITE);
    ctx.clientProperty().addListener((o, was, now) -> watch(now != null));
    if (ctx.client() != null) {
      if (javafx.application.Platform.isFxApplicationThread()) {
        watch(true);
      } else {
        javafx.application.Platform.runLater(() -> watch(ctx.client() != null));
      }
    }
  }

  /** Starts over (signed in) or stops (signed out). FX thread. */
  private void watch(boolean signedIn) {
    seen.clear();
    unread.clear();
    primed = false;
    timer.stop();
    if (signedIn) {
      poll();
      timer.play();
    }
  }

  /** Whether the alerts there at sign-in have been read (from then on, new ones are unread). */
  boolean primed() {
    return primed;
  }

  /** Asks the server for new alerts now (FX thread). */
  void poll() {
    BeaconClient client = ctx.client();
    if (client == null || polling) {
      return;
    }
    polling = true;
    Background.run(ctx, () -> {
      List<Unread> all = new ArrayList<>();
      AlertsApi api = new AlertsApi(client);
      for (App app : new AppsApi(client).all()) {
        for (Alert a : api.alerts(app.appId(), PER_APP)) {
          all.add(new Unread(a, app.name()));
        }
      }
      return all;
    }, all -> {
      polling = false;
      if (client != ctx.client()) {
        return; // signed out or in again meanwhile
      }
      List<Unread> fresh = all.stream().filter(u -> seen.add(u.alert().alertId())).toList();
      if (primed) {
        unread.addAll(0, fresh);
        fresh.forEach(announce);
      }
      primed = true;
    }, null, null).setOnFailed(e -> polling = false);
  }

  void markAllRead() {
    unread.clear();
  }

  void markRead(Unread u) {
    unread.remove(u);
  }
}
