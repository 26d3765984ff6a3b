package dev.beacon.api.apps;

import dev.beacon.api.core.ClusterBus;
import dev.beacon.api.core.Db;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
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
 *
 * <p>The other instances on the same PostgreSQL database hear of it too: once the transaction
 * commits, the app's id is published on the {@link ClusterBus} ({@value #TOPIC}), and each other
 * instance tells its listeners when the message comes.
 * When the bus may have missed messages, every listener is told of every app
 * ({@link AppDirectory#ALL_APPS}).
 */
final class AppChanges implements PostUpdateEventListener, PostDeleteEventListener {
  static final String TOPIC = "apps";
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final ClusterBus bus;

  private AppChanges(ClusterBus bus) {
    this.bus = bus;
    bus.subscribe(TOPIC, this::tell, () -> tell(AppDirectory.ALL_APPS));
  }

  /** One per database, whatever the number of features that ask. */
  private static final Map<Db, AppChanges> BY_DATABASE = new WeakHashMap<>();

  /**
   * The app changes of this database: registered with its session factory's event listeners the
   * first time, once Hibernate has booted (before the server takes requests; the features that ask
   * start while it boots).
   */
  static AppChanges of(Db db) {
    synchronized (BY_DATABASE) {
      return BY_DATABASE.computeIfAbsent(db, d -> {
        AppChanges changes = new AppChanges(d.bus());
        d.whenHibernateBooted(changes::register);
        return changes;
      });
    }
  }

  private void register(SessionFactory sessions) {
    EventListenerRegistry events = sessions.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
    events.appendListeners(EventType.POST_UPDATE, this);
    events.appendListeners(EventType.POST_DELETE, this);
  }

  /** Registers a listener of app ids; the returned handle removes it. */
  Runnable listen(Consumer<String> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    changed(event.getEntity(), event.getSession());
  }

  @Override
  public void onPostDelete(PostDeleteEvent event) {
    changed(event.getEntity(), event.getSession());
  }

  private void changed(Object entity, SharedSessionContractImplementor session) {
    if (entity instanceof App app) {
      String appId = app.appId;
      tell(appId);
      session.getTransactionCompletionCallbacks().registerCallback(
          (AfterCompletionCallback) (committed, s) -> {
            if (committed) {
              bus.publish(TOPIC, appId);
            }
          });
    }
  }

  private void tell(String appId) {
    listeners.forEach(l -> l.accept(appId));
  }
}
