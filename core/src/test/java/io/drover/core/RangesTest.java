package io.drover.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RangesTest {
  @Test
  void coalescesOverlappingAndAdjacentRanges() {
    Ranges r = Ranges.of(ValueRange.of(5, 7), ValueRange.of(1, 3), ValueRange.of(4, 4), ValueRange.of(10, 12), ValueRange.of(11, 15));
    assertThat(r.ranges()).containsExactly(ValueRange.of(1, 7), ValueRange.of(10, 15));
    assertThat(r.size()).isEqualTo(13);
    assertThat(r).isEqualTo(Ranges.parse("[1-7,10-15]"));
  }

  @Test
  void containsSinglesAndSubsets() {
    Ranges r = Ranges.parse("[31000-32000]");
    assertThat(r.contains(31000)).isTrue();
    assertThat(r.contains(32000)).isTrue();
    assertThat(r.contains(31500)).isTrue();
    assertThat(r.contains(30999)).isFalse();
    assertThat(r.contains(32001)).isFalse();
    assertThat(r.containsAll(Ranges.parse("[31000-31010,31999-32000]"))).isTrue();
    assertThat(r.containsAll(Ranges.parse("[31990-32001]"))).isFalse();
    assertThat(Ranges.parse("[1-3,5-9]").containsAll(Ranges.parse("[2-6]"))).isFalse();
    assertThat(Ranges.EMPTY.containsAll(Ranges.EMPTY)).isTrue();
  }

  @Test
  void minusSplitsRangesAndPlusRestoresThem() {
    Ranges all = Ranges.parse("[31000-32000]");
    Ranges taken = Ranges.parse("[31000,31005-31006,32000]");
    Ranges left = all.minus(taken);
    assertThat(left.ranges()).containsExactly(ValueRange.of(31001, 31004), ValueRange.of(31007, 31999));
    assertThat(left.plus(taken)).isEqualTo(all);
    assertThat(all.minus(all)).isEqualTo(Ranges.EMPTY);
    assertThat(all.minus(Ranges.parse("[1-10]"))).isEqualTo(all);
    assertThat(Ranges.parse("[1-10,20-30]").minus(Ranges.parse("[5-25]"))).isEqualTo(Ranges.parse("[1-4,26-30]"));
  }

  @Test
  void firstTakesLowestNumbers() {
    assertThat(Ranges.parse("[10-11,20-30]").first(4)).isEqualTo(Ranges.parse("[10-11,20-21]"));
    assertThat(Ranges.parse("[10-11]").first(5)).isEqualTo(Ranges.parse("[10-11]"));
  }

  @Test
  void rejectsMalformedText() {
    assertThatThrownBy(() -> Ranges.parse("[a-b]")).isInstanceOf(InvalidValueException.class).hasMessageContaining("a-b");
    assertThatThrownBy(() -> Ranges.parse("[9-1]")).isInstanceOf(InvalidValueException.class).hasMessageContaining("ends before it begins");
  }
}
