package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameworkSlotsTest {
  private final FrameworkSlots slots = new FrameworkSlots();

  @Test
  void slotsAreDistinctAndTheLowestFreeOneIsGivenFirst() {
    assertThat(slots.take()).isZero();
    assertThat(slots.take()).isEqualTo(1);
    assertThat(slots.take()).isEqualTo(2);

    slots.release(1);
    slots.release(0);

    assertThat(slots.take()).isZero();
    assertThat(slots.take()).isEqualTo(1);
    assertThat(slots.take()).isEqualTo(3);
  }
}
