package io.drover.marathon.instance;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.TaskState;
import io.drover.sdk.placement.TaskSite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link Instance} as it is written to storage: plain JSON values, absent ones left out, so that the
 * stored form stays stable while the in-memory record may change.
 */
public record StoredInstance(
    String id,
    String appVersion,
    String agentId,
    String hostname,
    Map<String, String> attributes,
    List<Integer> hostPorts,
    Condition condition,
    TaskState taskState,
    Instant conditionSince,
    Boolean healthy,
    int consecutiveFailures,
    Instant unhealthySince,
    List<HealthState> hostChecks,
    Instant stagedAt,
    Instant startedAt,
    KillReason killReason,
    Instant killRequestedAt,
    String message) {
  public static StoredInstance of(Instance instance) {
    return new StoredInstance(
        instance.id().value(),
        instance.appVersion(),
        instance.agentId().value(),
        instance.hostname(),
        instance.agent().attributes().values(),
        instance.hostPorts(),
        instance.condition(),
        instance.taskState().orElse(null),
        instance.conditionSince(),
        instance.agentHealth().healthy().orElse(null),
        instance.agentHealth().consecutiveFailures(),
        instance.agentHealth().unhealthySince().orElse(null),
        instance.hostChecks().isEmpty() ? null : instance.hostChecks(),
        instance.stagedAt(),
        instance.startedAt().orElse(null),
        instance.kill().map(KillRequest::reason).orElse(null),
        instance.kill().map(KillRequest::requestedAt).orElse(null),
        instance.message().isEmpty() ? null : instance.message());
  }

  public Instance toInstance() {
    return new Instance(
        new InstanceId(id),
        appVersion,
        new TaskSite(AgentId.of(agentId), hostname, attributes == null ? Attributes.NONE : Attributes.of(attributes)),
        hostPorts,
        condition,
        Optional.ofNullable(taskState),
        conditionSince,
        new Health(Optional.ofNullable(healthy), consecutiveFailures, Optional.ofNullable(unhealthySince)),
        hostChecks,
        stagedAt,
        Optional.ofNullable(startedAt),
        killReason == null ? Optional.empty() : Optional.of(new KillRequest(killReason, killRequestedAt)),
        message);
  }
}
