package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static io.drover.sdk.placement.TestOffers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstraintCheckerTest {
  private final ConstraintChecker checker = new ConstraintChecker();

  /** Marathon's hostname:UNIQUE, as a constraint plugs in. */
  private final Constraint uniqueHost =
      (task, candidate, running) ->
          running.sites(task.group()).stream().anyMatch(s -> s.hostname().equals(candidate.offer().hostname()))
              ? Optional.of("hostname:UNIQUE: " + candidate.offer().hostname() + " already runs a task of " + task.group())
              : Optional.empty();

  private final Constraint neverOnA2 =
      (task, candidate, running) ->
          candidate.agentId().value().equals("a2") ? Optional.of("not on a2") : Optional.empty();

  @Test
  void passesWhenTheTaskHasNoConstraintsOrKeepsThemAll() {
    TaskTally running = new TaskTally();
    running.put(TaskId.of("other"), "web", site("a2"));
    Candidate onA1 = Candidate.of(offer("o1", "a1", "cpus:1"));

    assertThat(checker.check(request("t", "web", "cpus:1"), onA1, running)).isEmpty();
    assertThat(checker.check(request("t", "web", "cpus:1").withConstraints(List.of(uniqueHost, neverOnA2)), onA1, running)).isEmpty();
  }

  @Test
  void isAgentLocalOnlyWhenEveryConstraintOfTheTaskIs() {
    Constraint local =
        new Constraint() {
          @Override
          public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
            return Optional.empty();
          }

          @Override
          public boolean isAgentLocal() {
            return true;
          }
        };

    assertThat(checker.isAgentLocal(request("t", "web", "cpus:1"))).isTrue();
    assertThat(checker.isAgentLocal(request("t", "web", "cpus:1").withConstraints(List.of(local)))).isTrue();
    assertThat(checker.isAgentLocal(request("t", "web", "cpus:1").withConstraints(List.of(local, uniqueHost)))).isFalse();
  }

  @Test
  void theFirstBrokenConstraintVetoesWithItsReason() {
    TaskTally running = new TaskTally();
    running.put(TaskId.of("web-1"), "web", site("a2"));
    TaskRequest task = request("web-2", "web", "cpus:1").withConstraints(List.of(uniqueHost, neverOnA2));

    Veto veto = checker.check(task, Candidate.of(offer("o2", "a2", "cpus:1")), running).orElseThrow();

    assertThat(veto.checker()).isEqualTo("constraint");
    assertThat(veto.reason()).isEqualTo("hostname:UNIQUE: a2.local already runs a task of web");
  }
}
