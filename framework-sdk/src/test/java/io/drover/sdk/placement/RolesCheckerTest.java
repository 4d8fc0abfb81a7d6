package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesCheckerTest {
  private final RolesChecker checker = new RolesChecker();
  private final TaskRequest devOrTest = request("t", "g", "cpus:1").withRoles(Set.of("test", "dev"));

  @Test
  void passesAnOfferForAnAcceptedRole() {
    assertThat(checker.check(devOrTest, Candidate.forRole(offer("o1", "a1", "cpus:1"), "dev"), RunningTasks.NONE)).isEmpty();
  }

  @Test
  void vetoesAnOfferForAnotherRoleNamingBoth() {
    Veto veto = checker.check(devOrTest, Candidate.forRole(offer("o1", "a1", "cpus:1"), "prod"), RunningTasks.NONE).orElseThrow();

    assertThat(veto.checker()).isEqualTo("roles");
    assertThat(veto.reason()).isEqualTo("offer is for role 'prod', task accepts [dev, test]");
  }

  @Test
  void aTaskWithoutRolesAcceptsAny() {
    assertThat(checker.check(request("t", "g", "cpus:1"), Candidate.forRole(offer("o1", "a1", "cpus:1"), "prod"), RunningTasks.NONE))
        .isEmpty();
  }

  @Test
  void aCandidateHasTheRoleItsOfferWasMadeFor() {
    Candidate defaultRole = Candidate.of(offer("o1", "a1", "cpus:1"));
    assertThat(defaultRole.role()).contains("*");
    assertThat(checker.check(devOrTest, defaultRole, RunningTasks.NONE)).get().extracting(Veto::reason).isEqualTo("offer is for role '*', task accepts [dev, test]");
  }
}
