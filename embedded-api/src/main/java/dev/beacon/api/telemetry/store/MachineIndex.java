package dev.beacon.api.telemetry.store;

import java.util.HashMap;
import java.util.Map;

/**
 * An app's machines in memory: machine hash to ordinal, about 40 bytes per machine (a
 * million machines in about 40 MB), where a map of strings would take over 150. The key is the
 * first 128 bits of the hash (an HMAC-SHA256, so uniformly spread: two machines share them with
 * a probability of about n²/2¹²⁹), held in open addressing over two {@code long} arrays. A hash
 * that is not 64 lower-case hex digits (none are written so) falls back to an ordinary map. Not thread-safe:
 * the fold owns it.
 */
final class MachineIndex {
  private static final int HEX_LENGTH = 64;

  private long[] hi;
  private long[] lo;
  /** ordinal + 1; 0 marks a free slot. */
  private int[] values;
  private int size;
  private final Map<String, Integer> other = new HashMap<>();

  MachineIndex(int expected) {
    int capacity = 16;
    while (capacity * 0.6 < expected) {
      capacity <<= 1;
    }
    allocate(capacity);
  }

  /** The machine's ordinal, or -1 when the app has not seen it. */
  int get(String hash) {
    if (hash.length() != HEX_LENGTH || !isHex(hash)) {
      return other.getOrDefault(hash, -1);
    }
    long h = Long.parseUnsignedLong(hash, 0, 16, 16);
    long l = Long.parseUnsignedLong(hash, 16, 32, 16);
    int mask = values.length - 1;
    for (int i = slot(h, l, mask); values[i] != 0; i = (i + 1) & mask) {
      if (hi[i] == h && lo[i] == l) {
        return values[i] - 1;
      }
    }
    return -1;
  }

  /** Notes the machine's ordinal (the machine must not be in the index yet). */
  void put(String hash, int ordinal) {
    if (hash.length() != HEX_LENGTH || !isHex(hash)) {
      other.put(hash, ordinal);
      return;
    }
    if ((size + 1) > values.length * 0.6) {
      grow();
    }
    insert(Long.parseUnsignedLong(hash, 0, 16, 16), Long.parseUnsignedLong(hash, 16, 32, 16), ordinal + 1);
    size++;
  }

  int size() {
    return size + other.size();
  }

  private void insert(long h, long l, int value) {
    int mask = values.length - 1;
    int i = slot(h, l, mask);
    while (values[i] != 0) {
      i = (i + 1) & mask;
    }
    hi[i] = h;
    lo[i] = l;
    values[i] = value;
  }

  private void grow() {
    long[] oldHi = hi;
    long[] oldLo = lo;
    int[] oldValues = values;
    allocate(values.length * 2);
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != 0) {
        insert(oldHi[i], oldLo[i], oldValues[i]);
      }
    }
  }

  private void allocate(int capacity) {
    hi = new long[capacity];
    lo = new long[capacity];
    values = new int[capacity];
  }

  private static int slot(long h, long l, int mask) {
    long x = h ^ l;
    return (int) (x ^ (x >>> 32)) & mask;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
