package io.drover.allocator;

import java.util.BitSet;

/**
 * Small numbers for the frameworks the allocator knows, each held by one framework at a time and the
 * lowest free one given first, so that per-agent tables indexed by them ({@link RoleFilters}) stay as
 * short as the number of frameworks.
 */
final class FrameworkSlots {
  private final BitSet taken = new BitSet();

  int take() {
    int slot = taken.nextClearBit(0);
    taken.set(slot);
    return slot;
  }

  /** The slot is free for another framework; nothing may still be kept under it. */
  void release(int slot) {
    taken.clear(slot);
  }
}
