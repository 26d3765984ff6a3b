package dev.beacon.api.telemetry.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.roaringbitmap.RoaringBitmap;

/**
 * The machines of an app's closed day as a RoaringBitmap of their ordinals ({@code tel_day_bitmap}),
 * decoded once and kept in a cache bounded by size; closing a day again (late heartbeats)
 * invalidates it. Open days are in memory ({@link OpenDay}). Cached bitmaps are never changed, so
 * readers need no lock.
 */
public final class DayBitmaps {
  private final Cache<DayKey, RoaringBitmap> cache;

  public DayBitmaps(long maxBytes) {
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((DayKey k, RoaringBitmap b) -> (int) Math.min(Integer.MAX_VALUE, 64 + b.getLongSizeInBytes()))
        .build();
  }

  /** The closed day's machines (empty when it has none), from the cache or the database (on the caller's connection). */
  public RoaringBitmap get(Connection c, DayKey key) {
    return cache.get(key, k -> {
      try {
        return load(c, k);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the machines of " + k, e);
      }
    });
  }

  /** Forgets a day whose bitmap was just written. */
  public void invalidate(DayKey key) {
    cache.invalidate(key);
  }

  /** Forgets every day (another server may have closed any again). */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  static RoaringBitmap load(Connection c, DayKey key) throws SQLException {
    RoaringBitmap b = new RoaringBitmap();
    try (PreparedStatement st = c.prepareStatement("SELECT machines FROM tel_day_bitmap WHERE app_id = ? AND usage_day = ?")) {
      st.setString(1, key.appId());
      st.setObject(2, key.day());
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          byte[] stored = rs.getBytes(1);
          if (stored != null) {
            b = decode(stored);
          }
        }
      }
    }
    b.runOptimize();
    return b;
  }

  static byte[] encode(RoaringBitmap b) {
    b.runOptimize();
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.serializedSizeInBytes());
    try (DataOutputStream data = new DataOutputStream(out)) {
      b.serialize(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static RoaringBitmap decode(byte[] bytes) {
    RoaringBitmap b = new RoaringBitmap();
    try {
      b.deserialize(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b;
  }
}
