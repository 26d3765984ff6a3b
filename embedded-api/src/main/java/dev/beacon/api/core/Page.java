package dev.beacon.api.core;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the number of all its matches before paging.
 *
 * @param <T> what the list holds
 */
public record Page<T>(List<T> items, long totalCount) {
  /** The same page with each item turned into something else (e.g. its JSON). */
  public <R> Page<R> map(Function<? super T, ? extends R> f) {
    return new Page<>(items.stream().<R>map(f).toList(), totalCount);
  }
}
