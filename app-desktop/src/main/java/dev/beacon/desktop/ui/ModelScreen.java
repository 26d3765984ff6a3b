package dev.beacon.desktop.ui;

/**
 * A {@link Screen} over one model: its id and title in the navigation, and the model that holds
 * its state (which tests drive without a window).
 *
 * @param <M> the screen's model
 */
public abstract class ModelScreen<M> implements Screen {
  private final String id;
  private final String title;
  protected final M model;

  protected ModelScreen(String id, String title, M model) {
    this.id = id;
    this.title = title;
    this.model = model;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String title() {
    return title;
  }

  /** The screen's model. */
  public final M model() {
    return model;
  }
}
