package dev.beacon.api.core;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source given to Hibernate before the pool exists, so that Hibernate's boot (which needs no
 * connection when it may not read the database's metadata) starts while the pool opens; a
 * connection asked for before the pool is there waits for it.
 */
final class DeferredDataSource implements DataSource {
  private final CompletableFuture<DataSource> target = new CompletableFuture<>();

  void set(DataSource ds) {
    target.complete(ds);
  }

  /** The pool could not open: whoever waits for a connection fails with this. */
  void fail(Throwable why) {
    target.completeExceptionally(why);
  }

  private DataSource target() throws SQLException {
    try {
      return target.get();
    } catch (ExecutionException e) {
      throw new SQLException("the database pool did not open", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the database pool", e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target().getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target().setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target().setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target().getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return target().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target().isWrapperFor(iface);
  }
}
