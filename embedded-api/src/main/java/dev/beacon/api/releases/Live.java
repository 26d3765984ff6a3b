package dev.beacon.api.releases;

import java.util.List;

/**
 * What an update check reads in its transaction: the app (or module's app) id, its secret for
 * rollout buckets, its name for answers, and the live versions, highest code first. The choice is
 * made after the transaction, since it may have to ask usage for a machine's latest heartbeat.
 */
public record Live<V extends PackagedVersion>(String appId, String secret, List<V> versions, String name) {
  public Live(String appId, String secret, List<V> versions) {
    this(appId, secret, versions, null);
  }

  public Live<V> named(String n) {
    return new Live<>(appId, secret, versions, n);
  }
}
