package io.drover.allocator;

import java.util.Arrays;

/**
 * Frameworks by the time their filter on an agent runs out, earliest first: a binary min-heap on two
 * arrays, since an agent declined by a thousand frameworks holds a thousand entries and a cluster holds
 * millions of them.
 */
final class ExpiryHeap {
  private long[] at;
  private FrameworkState[] frameworks;
  private int size;

  /** A heap of the first {@code count} entries of the arrays, which it copies with some room to grow. */
  ExpiryHeap(long[] at, FrameworkState[] frameworks, int count) {
    this.at = new long[count + 8];
    this.frameworks = new FrameworkState[count + 8];
    System.arraycopy(at, 0, this.at, 0, count);
    System.arraycopy(frameworks, 0, this.frameworks, 0, count);
    this.size = count;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The earliest time; the heap must not be empty. */
  long earliest() {
    return at[0];
  }

  void add(long time, FrameworkState framework) {
    if (size == at.length) {
      at = Arrays.copyOf(at, size * 2);
      frameworks = Arrays.copyOf(frameworks, size * 2);
    }
    int i = size++;
    while (i > 0 && at[(i - 1) / 2] > time) {
      int parent = (i - 1) / 2;
      at[i] = at[parent];
      frameworks[i] = frameworks[parent];
      i = parent;
    }
    at[i] = time;
    frameworks[i] = framework;
  }

  /** Removes the earliest entry and returns its framework. */
  FrameworkState poll() {
    FrameworkState first = frameworks[0];
    size--;
    at[0] = at[size];
    frameworks[0] = frameworks[size];
    frameworks[size] = null;
    siftDown(0);
    return first;
  }

  private void siftDown(int i) {
    long time = at[i];
    FrameworkState framework = frameworks[i];
    while (2 * i + 1 < size) {
      int child = 2 * i + 1;
      if (child + 1 < size && at[child + 1] < at[child]) {
        child++;
      }
      if (at[child] >= time) {
        break;
      }
      at[i] = at[child];
      frameworks[i] = frameworks[child];
      i = child;
    }
    at[i] = time;
    frameworks[i] = framework;
  }
}
