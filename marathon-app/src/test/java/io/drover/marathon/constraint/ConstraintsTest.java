package io.drover.marathon.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.InvalidValueException;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.TaskSite;
import io.drover.sdk.placement.TaskTally;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
  private static final String APP = "/web";
  private static final TaskRequest TASK = TaskRequest.of(TaskId.of("web.new"), APP, Resources.cpusMem(1, 64));

  private final TaskTally running = new TaskTally();
  private int placed;

  /** An agent {@code host} with attributes in Mesos text form, e.g. {@code rack:r1;zone:a}. */
  private static TaskSite agent(String host, String attributes) {
    return new TaskSite(AgentId.of(host), host, Attributes.parse(attributes));
  }

  private static Candidate candidate(TaskSite site) {
    return Candidate.of(
        new Offer(OfferId.of("o-" + site.hostname()), FrameworkId.of("fw"), site.agentId(), site.hostname(), Resources.cpusMem(4, 1024), site.attributes()));
  }

  private void runs(TaskSite site) {
    running.put(TaskId.of("web." + ++placed), APP, site);
  }

  private Optional<String> check(List<String> constraint, TaskSite site) {
    return ConstraintParser.parse(constraint).violation(TASK, candidate(site), running);
  }

  @Test
  void onlyTheOperatorsThatReadTheCandidateAloneAreAgentLocal() {
    assertThat(ConstraintParser.parse(List.of("hostname", "LIKE", "a.*")).isAgentLocal()).isTrue();
    assertThat(ConstraintParser.parse(List.of("rack", "UNLIKE", "r1")).isAgentLocal()).isTrue();
    assertThat(ConstraintParser.parse(List.of("rack", "IS", "r1")).isAgentLocal()).isTrue();
    assertThat(ConstraintParser.parse(List.of("hostname", "UNIQUE")).isAgentLocal()).isFalse();
    assertThat(ConstraintParser.parse(List.of("rack", "CLUSTER")).isAgentLocal()).isFalse();
    assertThat(ConstraintParser.parse(List.of("rack", "GROUP_BY")).isAgentLocal()).isFalse();
    assertThat(ConstraintParser.parse(List.of("rack", "MAX_PER", "2")).isAgentLocal()).isFalse();
  }

  @Test
  void uniqueHostnameAllowsOneInstancePerHostAndSaysWhichHostIsTaken() {
    runs(agent("local-2", ""));

    assertThat(check(List.of("hostname", "UNIQUE"), agent("local-1", ""))).isEmpty();
    assertThat(check(List.of("hostname", "UNIQUE"), agent("local-2", ""))).contains("hostname:UNIQUE: local-2 already runs an instance");
  }

  @Test
  void uniqueAttributeComparesAttributeValuesAndVetoesAgentsWithoutTheAttribute() {
    runs(agent("h1", "rack:r1"));

    assertThat(check(List.of("rack", "UNIQUE"), agent("h2", "rack:r2"))).isEmpty();
    assertThat(check(List.of("rack", "UNIQUE"), agent("h3", "rack:r1"))).contains("rack:UNIQUE: r1 already runs an instance");
    assertThat(check(List.of("rack", "UNIQUE"), agent("h4", ""))).contains("rack:UNIQUE: agent h4 has no attribute rack");
  }

  @Test
  void instancesOfOtherAppsDoNotCount() {
    running.put(TaskId.of("db.1"), "/db", agent("local-1", ""));

    assertThat(check(List.of("hostname", "UNIQUE"), agent("local-1", ""))).isEmpty();
  }

  @Test
  void clusterWithAValueKeepsInstancesOnThatValue() {
    assertThat(check(List.of("rack", "CLUSTER", "r1"), agent("h1", "rack:r1"))).isEmpty();
    assertThat(check(List.of("rack", "CLUSTER", "r1"), agent("h2", "rack:r2"))).contains("rack:CLUSTER:r1: agent h2 has r2");
  }

  @Test
  void clusterWithoutAValueIsPinnedByTheFirstPlacement() {
    assertThat(check(List.of("rack", "CLUSTER"), agent("h2", "rack:r2"))).as("nothing placed yet: any rack").isEmpty();

    runs(agent("h1", "rack:r1"));

    assertThat(check(List.of("rack", "CLUSTER"), agent("h3", "rack:r1"))).isEmpty();
    assertThat(check(List.of("rack", "CLUSTER"), agent("h2", "rack:r2"))).contains("rack:CLUSTER: instances run on r1, agent has r2");
  }

  @Test
  void groupBySpreadsEvenlyOverTheValuesItHasSeen() {
    runs(agent("h1", "rack:r1"));
    runs(agent("h2", "rack:r2"));
    runs(agent("h3", "rack:r1"));

    assertThat(check(List.of("rack", "GROUP_BY"), agent("h4", "rack:r2"))).isEmpty();
    assertThat(check(List.of("rack", "GROUP_BY"), agent("h5", "rack:r3"))).as("a new value is always fine").isEmpty();
    assertThat(check(List.of("rack", "GROUP_BY"), agent("h1", "rack:r1"))).contains("rack:GROUP_BY: r1 runs 2 instances, another value runs 1");
  }

  @Test
  void groupByWithACountWaitsForThatManyValuesBeforeReusingOne() {
    runs(agent("h1", "rack:r1"));
    runs(agent("h2", "rack:r2"));

    assertThat(check(List.of("rack", "GROUP_BY", "3"), agent("h3", "rack:r1")))
        .contains("rack:GROUP_BY:3: instances use 2 of at least 3 values and r1 has one already");
    assertThat(check(List.of("rack", "GROUP_BY", "3"), agent("h4", "rack:r3"))).isEmpty();
    assertThat(check(List.of("rack", "GROUP_BY", "2"), agent("h3", "rack:r1"))).isEmpty();
  }

  @Test
  void likeNeedsAFullMatch() {
    assertThat(check(List.of("rack", "LIKE", "r[12]"), agent("h1", "rack:r1"))).isEmpty();
    assertThat(check(List.of("rack", "LIKE", "r[12]"), agent("h3", "rack:r12"))).contains("rack:LIKE:r[12]: r12 does not match");
    assertThat(check(List.of("hostname", "LIKE", "web-.*"), agent("web-7", ""))).isEmpty();
    assertThat(check(List.of("rack", "LIKE", "r.*"), agent("h4", ""))).contains("rack:LIKE:r.*: agent h4 has no attribute rack");
  }

  @Test
  void unlikeRejectsMatchesAndLetsAgentsWithoutTheAttributePass() {
    assertThat(check(List.of("rack", "UNLIKE", "r[12]"), agent("h3", "rack:r3"))).isEmpty();
    assertThat(check(List.of("rack", "UNLIKE", "r[12]"), agent("h1", "rack:r1"))).contains("rack:UNLIKE:r[12]: r1 matches");
    assertThat(check(List.of("rack", "UNLIKE", "r[12]"), agent("h4", ""))).isEmpty();
  }

  @Test
  void maxPerCountsInstancesPerValue() {
    runs(agent("h1", "zone:a"));
    runs(agent("h2", "zone:a"));
    runs(agent("h3", "zone:b"));

    assertThat(check(List.of("zone", "MAX_PER", "2"), agent("h3", "zone:b"))).isEmpty();
    assertThat(check(List.of("zone", "MAX_PER", "2"), agent("h4", "zone:a"))).contains("zone:MAX_PER:2: a already runs 2 instances");
  }

  @Test
  void isComparesExactly() {
    assertThat(check(List.of("os", "IS", "linux"), agent("h1", "os:linux"))).isEmpty();
    assertThat(check(List.of("os", "IS", "linux"), agent("h2", "os:linux-rt"))).contains("os:IS:linux: agent h2 has linux-rt");
  }

  @Test
  void fieldsWithAnAtReadHostnameAndFaultDomainAttributes() {
    assertThat(check(List.of("@hostname", "IS", "h1"), agent("h1", ""))).isEmpty();
    assertThat(check(List.of("@zone", "IS", "a"), agent("h1", "zone:a"))).isEmpty();
    assertThat(check(List.of("@region", "IS", "eu"), agent("h1", "region:us"))).contains("@region:IS:eu: agent h1 has us");
  }

  @Test
  void aCatastrophicRegexIsAbandonedQuicklyWithAReadableVeto() {
    TaskSite site = agent("h1", "rack:" + "a".repeat(40) + "!");
    long started = System.nanoTime();

    Optional<String> like = check(List.of("rack", "LIKE", "(.*a){20}"), site);
    Optional<String> unlike = check(List.of("rack", "UNLIKE", "(.*a){20}"), site);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(like).hasValueSatisfying(v -> assertThat(v).startsWith("rack:LIKE:(.*a){20}: matching ").contains("abandoned after 100000 steps"));
    assertThat(unlike).hasValueSatisfying(v -> assertThat(v).contains("backtracks too much"));
  }

  @Test
  void theBudgetIsWhatStopsIt() {
    BoundedRegex generous = BoundedRegex.compile("(.*a){3}", 1_000_000);
    BoundedRegex stingy = BoundedRegex.compile("(.*a){3}", 10);

    assertThat(generous.matches("xaxaxa")).isEqualTo(BoundedRegex.Outcome.MATCH);
    assertThat(stingy.matches("xaxaxa")).isEqualTo(BoundedRegex.Outcome.TOO_COSTLY);
  }

  @Test
  void parsesBackToMarathonsArrayForm() {
    for (List<String> c :
        List.of(
            List.of("hostname", "UNIQUE"),
            List.of("rack", "CLUSTER", "r1"),
            List.of("rack", "GROUP_BY", "3"),
            List.of("rack", "LIKE", "r[0-9]"),
            List.of("rack", "UNLIKE", "r9"),
            List.of("zone", "MAX_PER", "2"),
            List.of("os", "IS", "linux"))) {
      assertThat(ConstraintParser.parse(c).toMarathon()).isEqualTo(c);
    }
  }

  @Test
  void rejectsWhatMarathonRejectsWithAClearMessage() {
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("hostname", "UNIQUELY")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("Constraint operator 'UNIQUELY' is unknown: it must be one of [UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS]");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("rack", "LIKE", "r[")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("'r[' is not a valid regular expression: Unclosed character class");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("rack", "UNLIKE"))).hasMessage("Value must be specified: UNLIKE needs a regular expression");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("rack", "MAX_PER", "two")))
        .hasMessage("Value was specified but is not a number: MAX_PER needs a whole number, not 'two'");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("rack", "GROUP_BY", "1.5"))).hasMessageContaining("GROUP_BY needs a whole number");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("hostname", "UNIQUE", "x"))).hasMessageStartingWith("Value specified but not used");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("os", "IS"))).hasMessage("Value must be specified: IS needs a value");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("hostname"))).hasMessageStartingWith("Each constraint must have either 2 or 3 fields");
    assertThatThrownBy(() -> ConstraintParser.parse(List.of("", "UNIQUE"))).hasMessage("Constraint field must not be empty");
  }

  @Test
  void acceptsWhatTheAppValidatorAcceptsAsMarathonDoes() {
    assertThat(ConstraintParser.parse(List.of("hostname", "unique"))).isEqualTo(new UniqueConstraint(Field.of("hostname")));
    assertThat(ConstraintParser.parse(List.of("rack", "MAX_PER", "-2"))).isEqualTo(new MaxPerConstraint(Field.of("rack"), 0));
    assertThat(check(List.of("rack", "MAX_PER", "-2"), agent("h1", "rack:r1"))).contains("rack:MAX_PER:0: r1 already runs 0 instances");
  }

  @Test
  void noRunningInstancesMeansOnlyTheAgentItselfIsJudged() {
    assertThat(ConstraintParser.parse(List.of("hostname", "UNIQUE")).violation(TASK, candidate(agent("h1", "")), RunningTasks.NONE)).isEmpty();
  }
}
