package dev.beacon.desktop.shell;

/** Where the embedded server is in its life, as the window's header and the Server screen show it. */
public enum ServerState {
  STARTING("Starting..."),
  RUNNING("Running"),
  FAILED("Failed"),
  STOPPING("Stopping..."),
  STOPPED("Stopped");

  private final String label;

  ServerState(String label) {
    this.label = label;
  }

  /** The word the window shows. */
  public String label() {
    return label;
  }

  /** Whether work is under way (the window shows a progress indicator). */
  public boolean busy() {
    return this == STARTING || this == STOPPING;
  }
}
