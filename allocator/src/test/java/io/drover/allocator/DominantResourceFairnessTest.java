package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import org.junit.jupiter.api.Test;

class DominantResourceFairnessTest {
  private final AllocatorFixture fixture = new AllocatorFixture();

  /** The example of the DRF paper (Ghodsi et al., 2011), section 4. */
  private void runPaperExample(FrameworkId a, FrameworkId b) {
    fixture.agent("agent-1", "cpus:9;mem:18432");
    OneTaskPerOffer frameworks =
        new OneTaskPerOffer(fixture).framework(a, Resources.cpusMem(1, 4096)).framework(b, Resources.cpusMem(3, 1024));

    frameworks.runUntilQuiet();

    assertThat(frameworks.launched(a)).isEqualTo(3);
    assertThat(frameworks.launched(b)).isEqualTo(2);
    assertThat(fixture.share(a)).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(fixture.share(b)).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void twoFrameworksOfOneRoleConvergeToThePaperExample() {
    runPaperExample(fixture.framework("user-a", "analytics"), fixture.framework("user-b", "analytics"));
    // Together they hold all 9 cpus (and 14 of the 18 GB).
    assertThat(fixture.roleShare("analytics")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void twoRolesConvergeToThePaperExample() {
    runPaperExample(fixture.framework("user-a", "role-a"), fixture.framework("user-b", "role-b"));
    assertThat(fixture.roleShare("role-a")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(fixture.roleShare("role-b")).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void aRoleOfWeightTwoEndsWithTwiceTheShare() {
    fixture.agent("agent-1", "cpus:30;mem:30720");
    FrameworkId heavy = fixture.framework("heavy", "batch");
    FrameworkId light = fixture.framework("light", "web");
    fixture.allocator.updateWeight("batch", 2);
    OneTaskPerOffer frameworks =
        new OneTaskPerOffer(fixture).framework(heavy, Resources.cpusMem(1, 1024)).framework(light, Resources.cpusMem(1, 1024));

    frameworks.runUntilQuiet();

    assertThat(frameworks.launched(heavy)).isEqualTo(20);
    assertThat(frameworks.launched(light)).isEqualTo(10);
    assertThat(fixture.roleShare("batch")).isCloseTo(2 * fixture.roleShare("web"), within(1e-9));
  }

  @Test
  void withEqualWeightsTheSameRolesShareEqually() {
    fixture.agent("agent-1", "cpus:30;mem:30720");
    FrameworkId first = fixture.framework("first", "batch");
    FrameworkId second = fixture.framework("second", "web");
    OneTaskPerOffer frameworks =
        new OneTaskPerOffer(fixture).framework(first, Resources.cpusMem(1, 1024)).framework(second, Resources.cpusMem(1, 1024));

    frameworks.runUntilQuiet();

    assertThat(frameworks.launched(first)).isEqualTo(15);
    assertThat(frameworks.launched(second)).isEqualTo(15);
  }

  @Test
  void theFrameworkWithTheLowerShareIsOfferedFirst() {
    fixture.agent("first", "cpus:8;mem:8192");
    FrameworkId rich = fixture.framework("a-rich", "*");
    FrameworkId poor = fixture.framework("b-poor", "*");
    var first = fixture.allocate();
    assertThat(first).singleElement().extracting(CapturingOfferCallback.Offered::frameworkId).isEqualTo(rich);
    fixture.agent("spare", "cpus:8;mem:8192");

    var second = fixture.allocate();

    assertThat(second).singleElement().extracting(CapturingOfferCallback.Offered::frameworkId).isEqualTo(poor);
  }

  @Test
  void withinOneRunEachOfferCountsBeforeTheNextAgent() {
    fixture.agent("first", "cpus:8;mem:8192");
    fixture.agent("second", "cpus:8;mem:8192");
    FrameworkId a = fixture.framework("a", "*");
    FrameworkId b = fixture.framework("b", "*");

    var offers = fixture.allocate();

    // Whoever got the first agent visited has the higher share when the second one is visited.
    assertThat(offers).extracting(CapturingOfferCallback.Offered::frameworkId).containsExactlyInAnyOrder(a, b);
  }
}
