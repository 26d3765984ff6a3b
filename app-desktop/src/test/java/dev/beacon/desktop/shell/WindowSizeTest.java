package dev.beacon.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's first size on screens of several sizes: a share of the usable area, within bounds, centred. */
class WindowSizeTest {
  private static void assertPlace(Rectangle2D expected, Rectangle2D actual) {
    assertEquals(expected.getMinX(), actual.getMinX(), 0.01, actual::toString);
    assertEquals(expected.getMinY(), actual.getMinY(), 0.01, actual::toString);
    assertEquals(expected.getWidth(), actual.getWidth(), 0.01, actual::toString);
    assertEquals(expected.getHeight(), actual.getHeight(), 0.01, actual::toString);
  }

  @Test
  void aFullHdScreenGetsMostOfItsAreaCentred() {
    assertPlace(new Rectangle2D(144, 78, 1632, 884), WindowMemory.firstSize(new Rectangle2D(0, 0, 1920, 1040)));
  }

  @Test
  void aLaptopScreenIsMostlyFilledAndNoLowerThanTheSmallestSize() {
    assertPlace(new Rectangle2D(102.45, 44, 1161.1, 640), WindowMemory.firstSize(new Rectangle2D(0, 0, 1366, 728)));
  }

  @Test
  void aScreenSmallerThanThatIsFilledAndNotOverflowed() {
    assertPlace(new Rectangle2D(0, 30, 800, 570), WindowMemory.firstSize(new Rectangle2D(0, 30, 800, 570)));
  }

  @Test
  void aLargeScreenGetsAReadableSizeOnItsOwnPlace() {
    assertPlace(new Rectangle2D(1920 + 1080, 525, 1680, 1050), WindowMemory.firstSize(new Rectangle2D(1920, 0, 3840, 2100)));
  }
}
