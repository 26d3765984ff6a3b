package dev.beacon.api.apps;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;

/**
 * Tells whoever keeps apps in memory (the heartbeat ingest's cache of app keys) that an app was
 * changed or deleted. One per server: an event listener of the server's Hibernate session factory,
 * told when Hibernate writes a change or a removal of an {@link App} (inside the transaction, before
 * it commits), which is how every change of an app is made. Listeners must be quick and must not
 * block.
 */
final class AppChanges implements PostUpdateEventListener, PostDeleteEventListener {
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  private AppChanges() {}

  /** The app changes of the database behind {@code sessions}: registered with its event listeners the first time. */
  static AppChanges of(SessionFactory sessions) {
    EventListenerRegistry events = sessions.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
    synchronized (events) {
      for (PostUpdateEventListener l : events.getEventListenerGroup(EventType.POST_UPDATE).listeners()) {
        if (l instanceof AppChanges known) {
          return known;
        }
      }
      AppChanges changes = new AppChanges();
      events.appendListeners(EventType.POST_UPDATE, changes);
      events.appendListeners(EventType.POST_DELETE, changes);
      return changes;
    }
  }

  /** Registers a listener of app ids; the returned handle removes it. */
  Runnable listen(Consumer<String> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    changed(event.getEntity());
  }

  @Override
  public void onPostDelete(PostDeleteEvent event) {
    changed(event.getEntity());
  }

  private void changed(Object entity) {
    if (entity instanceof App app) {
      listeners.forEach(l -> l.accept(app.appId));
    }
  }
}
