package io.drover.marathon.instance;

import io.drover.core.AgentId;
import io.drover.core.TaskState;
import io.drover.sdk.placement.TaskSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One launched copy of an app version: where it runs ({@code agent}, {@code hostPorts} in the order of
 * the app's ports), its {@link Condition} and the task state behind it (empty until the first status),
 * since when it is in that condition, what its health checks say, when it was launched ({@code
 * stagedAt}) and first ran ({@code startedAt}), whether the scheduler asked for it to be killed, and the
 * last status message.
 *
 * <p>Health comes from two places: {@code agentHealth} is the check the agent runs next to the task
 * (reported in status updates), {@code hostChecks} the verdicts of the app's other checks, which
 * marathon-app runs itself, in the app's order ({@link HealthState#UNKNOWN} until a check's first
 * result). {@link #health} combines them; it is the one answer to "is this instance healthy".
 */
public record Instance(
    InstanceId id,
    String appVersion,
    TaskSite agent,
    List<Integer> hostPorts,
    Condition condition,
    Optional<TaskState> taskState,
    Instant conditionSince,
    Health agentHealth,
    List<HealthState> hostChecks,
    Instant stagedAt,
    Optional<Instant> startedAt,
    Optional<KillRequest> kill,
    String message) {
  public Instance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appVersion, "appVersion");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(conditionSince, "conditionSince");
    Objects.requireNonNull(stagedAt, "stagedAt");
    hostPorts = List.copyOf(hostPorts == null ? List.of() : hostPorts);
    taskState = taskState == null ? Optional.empty() : taskState;
    agentHealth = agentHealth == null ? Health.UNKNOWN : agentHealth;
    hostChecks = List.copyOf(hostChecks == null ? List.of() : hostChecks);
    startedAt = startedAt == null ? Optional.empty() : startedAt;
    kill = kill == null ? Optional.empty() : kill;
    message = message == null ? "" : message;
  }

  /** An instance just launched on {@code agent}, before any status. */
  public static Instance launched(InstanceId id, String appVersion, TaskSite agent, List<Integer> hostPorts, Instant now) {
    return new Instance(id, appVersion, agent, hostPorts, Condition.CREATED, Optional.empty(), now, Health.UNKNOWN, List.of(), now, Optional.empty(), Optional.empty(), "");
  }

  /** Over all of its app's checks: the agent's and those marathon-app runs ({@link HealthState#combine}). */
  public HealthState health() {
    List<HealthState> checks = new ArrayList<>(hostChecks.size() + 1);
    checks.add(agentHealth.state());
    checks.addAll(hostChecks);
    return HealthState.combine(checks);
  }

  public String appId() {
    return id.appId();
  }

  public AgentId agentId() {
    return agent.agentId();
  }

  public String hostname() {
    return agent.hostname();
  }

  /** Asked to be killed for a reason that does not replace it: it no longer belongs to its app's target. */
  public boolean isDecommissioned() {
    return kill.isPresent() && !kill.get().reason().replaced();
  }

  /**
   * Counts towards its app version's target: not decommissioned, not ended, and not unreachable for so
   * long that it was given up on.
   */
  public boolean isCounted() {
    return !isDecommissioned() && !condition.isTerminal() && condition != Condition.UNREACHABLE_INACTIVE;
  }

  /** Takes up room on its agent as far as placement (spreading, constraints) is concerned. */
  public boolean occupiesAgent() {
    return !condition.isTerminal() && condition != Condition.UNREACHABLE_INACTIVE;
  }

  /** When it became what it is for kill selection: when it started running, else when it was launched. */
  public Instant age() {
    return startedAt.orElse(stagedAt);
  }

  public Instance withCondition(Condition newCondition, Instant since) {
    return new Instance(id, appVersion, agent, hostPorts, newCondition, taskState, since, agentHealth, hostChecks, stagedAt, startedAt, kill, message);
  }

  public Instance withKill(KillRequest request) {
    return new Instance(id, appVersion, agent, hostPorts, condition, taskState, conditionSince, agentHealth, hostChecks, stagedAt, startedAt, Optional.of(request), message);
  }

  /** With the verdicts of the checks marathon-app runs, one per check in the app's order. */
  public Instance withHostChecks(List<HealthState> verdicts) {
    return new Instance(id, appVersion, agent, hostPorts, condition, taskState, conditionSince, agentHealth, verdicts, stagedAt, startedAt, kill, message);
  }
}
