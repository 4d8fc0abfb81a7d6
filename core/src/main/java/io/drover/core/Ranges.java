package io.drover.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of whole numbers kept as sorted, disjoint, non-adjacent ranges, so that equal sets
 * have equal representations.
 */
public final class Ranges {
  public static final Ranges EMPTY = new Ranges(new long[0]);

  /** begin0, end0, begin1, end1, ... sorted, disjoint and non-adjacent. */
  private final long[] bounds;

  private Ranges(long[] bounds) {
    this.bounds = bounds;
  }

  public static Ranges of(ValueRange... ranges) {
    return of(Arrays.asList(ranges));
  }

  public static Ranges of(Collection<ValueRange> ranges) {
    ValueRange[] sorted = ranges.toArray(new ValueRange[0]);
    Arrays.sort(sorted);
    long[] out = new long[sorted.length * 2];
    int n = 0;
    for (ValueRange r : sorted) {
      if (n > 0 && r.begin() <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], r.end());
      } else {
        out[n++] = r.begin();
        out[n++] = r.end();
      }
    }
    return n == 0 ? EMPTY : new Ranges(Arrays.copyOf(out, n));
  }

  public static Ranges single(long value) {
    return new Ranges(new long[] {value, value});
  }

  /** Parses {@code [31000-32000,33000-33010]} or {@code 31000-32000,4000}. */
  public static Ranges parse(String text) {
    String body = text.strip();
    if (body.startsWith("[") && body.endsWith("]")) {
      body = body.substring(1, body.length() - 1);
    }
    List<ValueRange> ranges = new ArrayList<>();
    for (String part : body.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int dash = p.indexOf('-', 1);
      try {
        ranges.add(
            dash < 0
                ? ValueRange.of(Long.parseLong(p), Long.parseLong(p))
                : ValueRange.of(Long.parseLong(p.substring(0, dash).strip()), Long.parseLong(p.substring(dash + 1).strip())));
      } catch (NumberFormatException e) {
        throw new InvalidValueException("'" + p + "' is not a number or a range of numbers like 31000-32000");
      }
    }
    return of(ranges);
  }

  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** How many numbers the set holds. */
  public long size() {
    long total = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      total += bounds[i + 1] - bounds[i] + 1;
    }
    return total;
  }

  public List<ValueRange> ranges() {
    List<ValueRange> out = new ArrayList<>(bounds.length / 2);
    for (int i = 0; i < bounds.length; i += 2) {
      out.add(ValueRange.of(bounds[i], bounds[i + 1]));
    }
    return out;
  }

  public boolean contains(long value) {
    int i = Arrays.binarySearch(bounds, value);
    // An exact hit is a bound; otherwise an odd insertion point lies inside a range.
    return i >= 0 || ((-i - 1) & 1) == 1;
  }

  public boolean containsAll(Ranges other) {
    int j = 0;
    for (int i = 0; i < other.bounds.length; i += 2) {
      long b = other.bounds[i];
      long e = other.bounds[i + 1];
      while (j < bounds.length && bounds[j + 1] < b) {
        j += 2;
      }
      if (j >= bounds.length || bounds[j] > b || bounds[j + 1] < e) {
        return false;
      }
    }
    return true;
  }

  public Ranges plus(Ranges other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<ValueRange> all = new ArrayList<>(ranges());
    all.addAll(other.ranges());
    return of(all);
  }

  /** The numbers of this set that are not in {@code other}. */
  public Ranges minus(Ranges other) {
    if (other.isEmpty() || isEmpty()) {
      return this;
    }
    long[] out = new long[bounds.length + other.bounds.length];
    int n = 0;
    int j = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      long b = bounds[i];
      long e = bounds[i + 1];
      while (j < other.bounds.length && other.bounds[j + 1] < b) {
        j += 2;
      }
      int k = j;
      while (b <= e && k < other.bounds.length && other.bounds[k] <= e) {
        if (other.bounds[k] > b) {
          out = ensure(out, n + 2);
          out[n++] = b;
          out[n++] = other.bounds[k] - 1;
        }
        b = Math.max(b, other.bounds[k + 1] + 1);
        k += 2;
      }
      if (b <= e) {
        out = ensure(out, n + 2);
        out[n++] = b;
        out[n++] = e;
      }
    }
    return n == 0 ? EMPTY : new Ranges(Arrays.copyOf(out, n));
  }

  /** The first {@code count} numbers of the set, lowest first. */
  public Ranges first(long count) {
    List<ValueRange> out = new ArrayList<>();
    long left = count;
    for (int i = 0; i < bounds.length && left > 0; i += 2) {
      long take = Math.min(left, bounds[i + 1] - bounds[i] + 1);
      out.add(ValueRange.of(bounds[i], bounds[i] + take - 1));
      left -= take;
    }
    return of(out);
  }

  private static long[] ensure(long[] array, int length) {
    return array.length >= length ? array : Arrays.copyOf(array, Math.max(length, array.length * 2));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ranges r && Arrays.equals(bounds, r.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < bounds.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(bounds[i]).append('-').append(bounds[i + 1]);
    }
    return sb.append(']').toString();
  }
}
