package io.drover.agent.containerizer.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void parsesFieldsAfterACommandNameWithSpacesAndParentheses() {
    String line = "4242 (a (weird) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 1 0 987654 1000 200 18446744073709551615";

    ProcStat stat = ProcStat.parse(4242, line);

    assertThat(stat).isEqualTo(new ProcStat(4242, 'S', 4242, 4242, 7, 3, 987654));
    assertThat(stat.exited()).isFalse();
    assertThat(ProcStat.parse(1, line.replace(") S ", ") Z ")).exited()).isTrue();
  }

  @Test
  void readsThisProcess() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcStat.read(self)).hasValueSatisfying(s -> assertThat(s.startTime()).isPositive());
    assertThat(ProcStat.read(Long.MAX_VALUE)).isEmpty();
  }
}
