package dev.beacon.api.telemetry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.api.shared.MachineHash;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-memory index of an app's machines against a plain map, through many growths. */
class MachineIndexTest {
  @Test
  void findsEveryMachineItWasGivenAndNoOther() {
    MachineIndex index = new MachineIndex(0);
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String hash = MachineHash.of("secret", "machine-" + i);
      index.put(hash, i);
      expected.put(hash, i);
    }
    // hashes that are not 64 lower-case hex digits take the fallback map
    index.put("ABCDEF", 50_000);
    expected.put("ABCDEF", 50_000);
    index.put("z".repeat(64), 50_001);
    expected.put("z".repeat(64), 50_001);

    assertEquals(expected.size(), index.size());
    expected.forEach((hash, ordinal) -> assertEquals(ordinal, index.get(hash), hash));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      String unknown = MachineHash.of("other secret", "machine-" + random.nextInt());
      assertEquals(-1, index.get(unknown), unknown);
    }
    assertEquals(-1, index.get("abcdef"), "case matters, as in the database");
  }

  @Test
  void twoHashesThatShareTheirSlotAreBothFound() {
    MachineIndex index = new MachineIndex(4);
    // the same first and second 64 bits xor-ed into the same slot, different keys
    String one = "0000000000000001" + "0000000000000002" + "0".repeat(32);
    String two = "0000000000000002" + "0000000000000001" + "0".repeat(32);
    index.put(one, 10);
    index.put(two, 20);
    assertEquals(10, index.get(one));
    assertEquals(20, index.get(two));
  }
}
