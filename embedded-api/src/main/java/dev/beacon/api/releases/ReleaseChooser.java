package dev.beacon.api.releases;

import dev.beacon.api.shared.VersionComparator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which released version a client is offered, by family B's code or family A's version name. */
final class ReleaseChooser {
  /** Family A's order: by name as dotted numbers, the code breaking ties. */
  static final Comparator<AppVersion> BY_NAME_THEN_CODE =
      Comparator.comparing((AppVersion v) -> v.name, VersionComparator.INSTANCE).thenComparingInt(v -> v.code);

  private ReleaseChooser() {}

  /**
   * Family B's upgrade: the highest code. A device that says who it is gets the highest code it
   * may have (untargeted, or targeted at it); a request without a device id gets the highest
   * code with its targeting as the strategy to apply.
   *
   * @param released the released versions of an app or module, highest code first
   */
  static <V extends PackagedVersion> Optional<V> upgrade(List<V> released, String deviceId, Asker asker) {
    return released.stream()
        .filter(asker::offerable)
        .filter(v -> deviceId == null || !DeviceIds.targeted(v.deviceIds) || DeviceIds.lists(v.deviceIds, deviceId))
        .findFirst();
  }

  /**
   * The outcome of a family A check.
   *
   * @param latest the newest version the client may have, or {@code null} when there is none
   * @param hasUpdate whether {@code latest} is newer than the client's current version
   * @param forceUpdate whether any version newer than the current one, up to {@code latest}, must be installed
   * @param downgrade whether {@code latest} is older than the current version and released as a downgrade
   */
  record Check(AppVersion latest, boolean hasUpdate, boolean forceUpdate, boolean downgrade) {}

  /**
   * Family A's check: among the released versions the client may be offered ({@link Asker}: channel,
   * rollout, halt) that serve the platform (and, for targeted versions, list the machine), the
   * newest by name, compared with the client's current version. When that newest one is older than
   * the client's and was released as a downgrade, it is offered as the update.
   */
  static Check check(List<AppVersion> released, String currentVersion, String platform, String machineId, Asker asker) {
    List<AppVersion> eligible = released.stream()
        .filter(asker::offerable)
        .filter(v -> Platforms.serves(v.platforms, platform))
        .filter(v -> !DeviceIds.targeted(v.deviceIds) || DeviceIds.lists(v.deviceIds, machineId))
        .toList();
    AppVersion latest = eligible.stream().max(BY_NAME_THEN_CODE).orElse(null);
    boolean downgrade = latest != null && latest.downgrade && VersionComparator.INSTANCE.newer(currentVersion, latest.name);
    boolean hasUpdate = latest != null && VersionComparator.INSTANCE.newer(latest.name, currentVersion) || downgrade;
    boolean force = hasUpdate && (downgrade && latest.forceUpdate || eligible.stream()
        .anyMatch(v -> v.forceUpdate && VersionComparator.INSTANCE.newer(v.name, currentVersion)));
    return new Check(latest, hasUpdate, force, downgrade);
  }
}
