package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentOutcomeTest {
  @Test
  void successAndFailureEventsOfThisDeploymentGiveTheVerdict() {
    assertThat(DeploymentOutcome.of(new ServerSentEvent("deployment_success", "{\"id\":\"d1\",\"plan\":{\"id\":\"d1\"}}"), "d1"))
        .contains(DeploymentOutcome.success());
    assertThat(DeploymentOutcome.of(new ServerSentEvent("deployment_failed", "{\"id\":\"d1\",\"reason\":\"step 1 of 1 did not finish\"}"), "d1"))
        .contains(DeploymentOutcome.failure("step 1 of 1 did not finish"));
  }

  @Test
  void otherDeploymentsAndOtherEventsGiveNone() {
    assertThat(DeploymentOutcome.of(new ServerSentEvent("deployment_success", "{\"id\":\"d2\"}"), "d1")).isEmpty();
    assertThat(DeploymentOutcome.of(new ServerSentEvent("deployment_step_success", "{\"plan\":{\"id\":\"d1\"}}"), "d1")).isEmpty();
    assertThat(DeploymentOutcome.of(new ServerSentEvent("deployment_failed", "not json"), "d1")).isEmpty();
  }

  @Test
  void aDeploymentThatLeftWithoutAVerdictSucceededOnlyIfItsAppsSettled() {
    assertThat(DeploymentOutcome.ofSettledApps(List.of(new AppProgress("/web", "", 2, 2, true), new AppProgress("/old", "", 0, 0, false))))
        .isEqualTo(DeploymentOutcome.success());
    DeploymentOutcome failed = DeploymentOutcome.ofSettledApps(List.of(new AppProgress("/web", "", 1, 2, true)));
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.reason()).isEqualTo("it ended before its apps were ready (/web 1/2 healthy)");
  }
}
