package io.drover.core;

/** An inclusive range of whole numbers, such as a span of ports. */
public record ValueRange(long begin, long end) implements Comparable<ValueRange> {
  public ValueRange {
    if (begin > end) {
      throw new InvalidValueException("range [" + begin + "-" + end + "] ends before it begins");
    }
  }

  public static ValueRange of(long begin, long end) {
    return new ValueRange(begin, end);
  }

  public long size() {
    return end - begin + 1;
  }

  public boolean contains(long value) {
    return value >= begin && value <= end;
  }

  @Override
  public int compareTo(ValueRange other) {
    return begin != other.begin ? Long.compare(begin, other.begin) : Long.compare(end, other.end);
  }

  @Override
  public String toString() {
    return begin == end ? Long.toString(begin) : begin + "-" + end;
  }
}
