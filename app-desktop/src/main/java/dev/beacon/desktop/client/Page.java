package dev.beacon.desktop.client;

import java.util.ArrayList;
import java.util.List;

/** One page of a list answer: its items and how many match in all ({@code totalCount}). */
public record Page<T>(List<T> items, int totalCount) {
  public Page {
    items = List.copyOf(items);
  }

  /** Fetches one page of {@code size} items. */
  @FunctionalInterface
  interface Fetch<T> {
    List<T> page(int pageNo, int size) throws ApiError;
  }

  /** Every item of a list, fetched page by page until a short page. Blocking. */
  static <T> List<T> all(int size, Fetch<T> fetch) throws ApiError {
    List<T> out = new ArrayList<>();
    for (int pageNo = 1; ; pageNo++) {
      List<T> items = fetch.page(pageNo, size);
      out.addAll(items);
      if (items.size() < size) {
        return out;
      }
    }
  }
}
