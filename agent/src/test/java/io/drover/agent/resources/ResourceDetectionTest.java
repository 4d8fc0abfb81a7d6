package io.drover.agent.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.Resources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceDetectionTest {
  private static final long MIB = 1024L * 1024;
  private static final long GIB = 1024 * MIB;

  @Test
  void detectsCpusMemoryLessHeadroomDiskLessHeadroomAndDefaultPorts() {
    Resources r = ResourceDetection.resources(new HostFacts(4, 8 * GIB, 100 * GIB), Resources.EMPTY);

    assertThat(r).isEqualTo(Resources.parse("cpus:4;mem:7168;disk:97280;ports:[31000-32000]"));
  }

  @Test
  void aSmallHostKeepsAShareRatherThanAFixedHeadroom() {
    Resources r = ResourceDetection.resources(new HostFacts(1, 2 * GIB, 10 * GIB), Resources.EMPTY);

    // 20% of 2 GiB and 10% of 10 GiB.
    assertThat(r.mem()).isEqualTo(1638);
    assertThat(r.disk()).isEqualTo(9216);
  }

  @Test
  void overridesReplaceDetectedResourcesByNameAndAddNewOnes() {
    Resources r = ResourceDetection.resources(new HostFacts(4, 8 * GIB, 100 * GIB), Resources.parse("cpus:2;ports:[4000-4010];gpus:1;zones:{a,b}"));

    assertThat(r).isEqualTo(Resources.parse("cpus:2;gpus:1;mem:7168;disk:97280;ports:[4000-4010];zones:{a,b}"));
  }

  @Test
  void implausibleFactsAreRefused() {
    assertThatThrownBy(() -> new HostFacts(0, GIB, GIB)).hasMessageContaining("0 processors");
  }

  @Test
  void measuresThisHost(@TempDir Path dir) {
    HostFacts facts = HostProbe.measure(dir.resolve("work"));

    assertThat(facts.processors()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(facts.totalMemoryBytes()).isGreaterThan(64 * MIB);
    assertThat(facts.freeDiskBytes()).isPositive();
  }
}
