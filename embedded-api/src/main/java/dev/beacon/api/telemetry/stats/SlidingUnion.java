package dev.beacon.api.telemetry.stats;

import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * Sizes of the unions of every window of {@code w} consecutive days, with about three ORs per day
 * whatever {@code w} is (van Herk / Gil-Werman): the days are cut into blocks of {@code w}; within
 * each block we keep running unions from its start (prefix) and towards its end (suffix). A window
 * that starts inside a block is the suffix of that block from its start day united with the prefix
 * of the next block up to its end day, so its size is one {@code orCardinality}, never a union of
 * {@code w} bitmaps.
 */
final class SlidingUnion {
  private SlidingUnion() {}

  /**
   * {@code out[i]} = the number of distinct members of {@code days[i-w+1 .. i]} (from day 0 when
   * {@code i < w-1}), for {@code i >= from}.
   */
  static long[] cardinalities(List<RoaringBitmap> days, int w, int from) {
    int n = days.size();
    long[] out = new long[n];
    if (w == 1) {
      for (int i = from; i < n; i++) {
        out[i] = days.get(i).getLongCardinality();
      }
      return out;
    }
    RoaringBitmap[] prefix = new RoaringBitmap[n];
    RoaringBitmap[] suffix = new RoaringBitmap[n];
    int firstStart = Math.max(0, from - w + 1);
    int firstBlock = firstStart / w * w;
    for (int block = firstBlock; block < n; block += w) {
      int end = Math.min(n, block + w) - 1;
      prefix[block] = days.get(block);
      for (int i = block + 1; i <= end; i++) {
        prefix[i] = RoaringBitmap.or(prefix[i - 1], days.get(i));
      }
      suffix[end] = days.get(end);
      for (int i = end - 1; i >= block; i--) {
        suffix[i] = RoaringBitmap.or(suffix[i + 1], days.get(i));
      }
    }
    for (int i = from; i < n; i++) {
      int start = Math.max(0, i - w + 1);
      if (start % w == 0) {
        // the window starts a block (a full window, or the first days): a prefix of that block
        out[i] = prefix[i].getLongCardinality();
      } else {
        out[i] = RoaringBitmap.orCardinality(suffix[start], prefix[i]);
      }
    }
    return out;
  }
}
