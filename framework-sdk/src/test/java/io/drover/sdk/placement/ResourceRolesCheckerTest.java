package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.Offer;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceRolesCheckerTest {
  private final ResourceRolesChecker checker = new ResourceRolesChecker();
  private final TaskRequest devOrTest = request("t", "g", "cpus:1").withResourceRoles(Set.of("test", "dev"));

  private static Candidate reservedFor(String role) {
    Offer offer = offer("o1", "a1", "cpus:1");
    return new Candidate(offer, offer.resources(), role);
  }

  @Test
  void passesResourcesOfAnAcceptedRole() {
    assertThat(checker.check(devOrTest, reservedFor("dev"), RunningTasks.NONE)).isEmpty();
  }

  @Test
  void vetoesResourcesOfAnotherRoleNamingBoth() {
    Veto veto = checker.check(devOrTest, reservedFor("prod"), RunningTasks.NONE).orElseThrow();

    assertThat(veto.checker()).isEqualTo("roles");
    assertThat(veto.reason()).isEqualTo("offered resources are of role 'prod', task accepts [dev, test]");
  }

  @Test
  void aTaskWithoutRolesAcceptsAny() {
    assertThat(checker.check(request("t", "g", "cpus:1"), reservedFor("prod"), RunningTasks.NONE)).isEmpty();
  }

  @Test
  void offeredResourcesAreUnreservedWhateverRoleTheOfferWasAllocatedTo() {
    Candidate candidate = Candidate.of(offer("o1", "a1", "cpus:1"));

    assertThat(candidate.offer().role()).as("allocated to the default role").isEqualTo("*");
    assertThat(candidate.resourceRole()).isEqualTo(Candidate.UNRESERVED);
    assertThat(checker.check(request("t", "g", "cpus:1").withResourceRoles(Set.of("*")), candidate, RunningTasks.NONE)).isEmpty();
    assertThat(checker.check(devOrTest, candidate, RunningTasks.NONE)).get().extracting(Veto::reason)
        .isEqualTo("offered resources are of role '*', task accepts [dev, test]");
  }
}
