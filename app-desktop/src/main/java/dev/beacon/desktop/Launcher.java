package dev.beacon.desktop;

/** Entry point of {@code beacon.jar}. Placeholder until the console lands: runs the server. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    dev.beacon.api.Main.main(args);
  }
}
