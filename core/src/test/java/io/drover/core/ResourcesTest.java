package io.drover.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  private final Resources agent = Resources.parse("cpus:4;mem:1024;disk:2048;ports:[31000-32000]");

  @Test
  void parsesAndPrintsTheTextForm() {
    assertThat(agent.cpus()).isEqualTo(4.0);
    assertThat(agent.mem()).isEqualTo(1024.0);
    assertThat(agent.disk()).isEqualTo(2048.0);
    assertThat(agent.ports().size()).isEqualTo(1001);
    assertThat(Resources.parse(agent.toString())).isEqualTo(agent);
    assertThat(Resources.parse("zones:{a,b};cpus:0.5").set("zones")).containsExactly("a", "b");
  }

  @Test
  void scalarsAreExactInThousandths() {
    Resources tenth = Resources.scalar(Resources.CPUS, 0.1);
    Resources sum = Resources.EMPTY;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(tenth);
    }
    assertThat(sum).isEqualTo(Resources.scalar(Resources.CPUS, 1.0));
    for (int i = 0; i < 10; i++) {
      sum = sum.minus(tenth);
    }
    assertThat(sum.isEmpty()).isTrue();
  }

  @Test
  void containsComparesEveryKind() {
    Resources task = Resources.parse("cpus:1;mem:512;ports:[31000-31001]");
    assertThat(agent.contains(task)).isTrue();
    assertThat(agent.contains(Resources.parse("cpus:5"))).isFalse();
    assertThat(agent.contains(Resources.parse("gpus:1"))).isFalse();
    assertThat(agent.contains(Resources.parse("ports:[30000]"))).isFalse();
    assertThat(Resources.parse("zones:{a,b}").contains(Resources.parse("zones:{a}"))).isTrue();
    assertThat(Resources.parse("zones:{a}").contains(Resources.parse("zones:{a,c}"))).isFalse();
    assertThat(agent.contains(Resources.EMPTY)).isTrue();
  }

  @Test
  void minusThenPlusRestores() {
    Resources task = Resources.parse("cpus:1.5;mem:100;ports:[31500-31501]");
    Resources left = agent.minus(task);
    assertThat(left.cpus()).isEqualTo(2.5);
    assertThat(left.mem()).isEqualTo(924.0);
    assertThat(left.ports().contains(31500)).isFalse();
    assertThat(left.plus(task)).isEqualTo(agent);
  }

  @Test
  void minusNeverGoesNegativeAndDropsEmptyEntries() {
    Resources left = Resources.parse("cpus:1;mem:10").minus(Resources.parse("cpus:2;disk:5"));
    assertThat(left).isEqualTo(Resources.parse("mem:10"));
    assertThat(left.scalarNames()).containsExactly("mem");
  }

  @Test
  void scalarsDropsRangesAndSets() {
    assertThat(agent.scalars()).isEqualTo(Resources.parse("cpus:4;mem:1024;disk:2048"));
  }

  @Test
  void builderAddsRepeatedNames() {
    Resources r = Resources.builder().scalar("cpus", 1).scalar("cpus", 2).set("s", Set.of("x")).add(Resources.parse("cpus:1")).build();
    assertThat(r.cpus()).isEqualTo(4.0);
  }

  @Test
  void rejectsBadInputWithTheReason() {
    assertThatThrownBy(() -> Resources.parse("cpus")).hasMessageContaining("name:value");
    assertThatThrownBy(() -> Resources.parse("cpus:x")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> Resources.parse("cpus:-1")).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> Resources.parse("cpus:1;cpus:2")).hasMessageContaining("more than once");
    assertThatThrownBy(() -> Resources.parse("9cpus:1")).hasMessageContaining("name");
    assertThatThrownBy(() -> Resources.scalar("cpus", Double.NaN)).isInstanceOf(InvalidValueException.class);
  }
}
