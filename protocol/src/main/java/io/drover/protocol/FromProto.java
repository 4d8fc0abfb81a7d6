package io.drover.protocol;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.HealthCheck;
import io.drover.core.InvalidValueException;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.core.ValueRange;
import io.drover.protocol.v1.Attribute;
import io.drover.protocol.v1.Range;
import io.drover.protocol.v1.RangesResource;
import io.drover.protocol.v1.Scalar;
import io.drover.protocol.v1.SetResource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Converts wire messages to domain records. A message that breaks a domain rule throws {@link
 * InvalidValueException} naming the rule, so the receiver can refuse it with that reason.
 */
public final class FromProto {
  private FromProto() {}

  public static Resources resources(io.drover.protocol.v1.Resources r) {
    Resources.Builder b = Resources.builder();
    for (Scalar s : r.getScalarsList()) {
      if (s.getMillis() < 0) {
        throw new InvalidValueException("resource '" + s.getName() + "' is negative");
      }
      b.scalar(s.getName(), s.getMillis() / 1000.0);
    }
    for (RangesResource rr : r.getRangesList()) {
      b.ranges(rr.getName(), Ranges.of(rr.getRangesList().stream().map(FromProto::range).toList()));
    }
    for (SetResource s : r.getSetsList()) {
      b.set(s.getName(), new HashSet<>(s.getItemsList()));
    }
    return b.build();
  }

  private static ValueRange range(Range r) {
    return ValueRange.of(r.getBegin(), r.getEnd());
  }

  public static Attributes attributes(List<Attribute> attributes) {
    TreeMap<String, String> values = new TreeMap<>();
    attributes.forEach(a -> values.put(a.getName(), a.getValue()));
    return new Attributes(values);
  }

  public static FrameworkInfo frameworkInfo(io.drover.protocol.v1.FrameworkInfo f) {
    return new FrameworkInfo(
        f.getId().isEmpty() ? Optional.empty() : Optional.of(FrameworkId.of(f.getId())),
        f.getName(),
        new HashSet<>(f.getRolesList()),
        f.getFailoverTimeoutMs() == 0 ? FrameworkInfo.DEFAULT_FAILOVER_TIMEOUT : Duration.ofMillis(f.getFailoverTimeoutMs()),
        f.getCheckpoint(),
        f.getPrincipal(),
        f.getHostname());
  }

  public static AgentInfo agentInfo(io.drover.protocol.v1.AgentInfo a) {
    return new AgentInfo(
        a.getHostname(), a.getPort(), resources(a.getResources()), attributes(a.getAttributesList()), new HashSet<>(a.getCapabilitiesList()));
  }

  public static MasterInfo masterInfo(io.drover.protocol.v1.MasterInfo m) {
    return new MasterInfo(m.getId(), m.getHost(), m.getProtocolPort(), m.getHttpPort(), m.getEpoch(), m.getVersion());
  }

  public static CommandInfo commandInfo(io.drover.protocol.v1.CommandInfo c) {
    return new CommandInfo(c.getValue(), c.getArgumentsList(), c.getShell(), c.getEnvironmentMap());
  }

  public static ContainerInfo containerInfo(io.drover.protocol.v1.ContainerInfo c) {
    return new ContainerInfo(
        c.getImage(),
        c.getForcePullImage(),
        c.getParametersList().stream().map(p -> new ContainerInfo.Parameter(p.getKey(), p.getValue())).toList(),
        c.getPortMappingsList().stream()
            .map(m -> new ContainerInfo.PortMapping(m.getHostPort(), m.getContainerPort(), m.getProtocol(), m.getName(), m.getLabelsMap()))
            .toList(),
        c.getVolumesList().stream().map(v -> new ContainerInfo.Volume(v.getHostPath(), v.getContainerPath(), v.getReadOnly())).toList());
  }

  public static HealthCheck healthCheck(io.drover.protocol.v1.HealthCheck h) {
    if (h.getProtocol() == io.drover.protocol.v1.HealthCheck.Protocol.PROTOCOL_UNSPECIFIED
        || h.getProtocol() == io.drover.protocol.v1.HealthCheck.Protocol.UNRECOGNIZED) {
      throw new InvalidValueException("health check protocol is missing or unknown");
    }
    return new HealthCheck(
        HealthCheck.Protocol.valueOf(h.getProtocol().name()),
        h.getPath(),
        h.getPortIndex(),
        h.getCommand(),
        Duration.ofMillis(h.getGracePeriodMs()),
        Duration.ofMillis(h.getIntervalMs()),
        Duration.ofMillis(h.getTimeoutMs()),
        h.getMaxConsecutiveFailures());
  }

  public static TaskInfo taskInfo(io.drover.protocol.v1.TaskInfo t) {
    return new TaskInfo(
        TaskId.of(t.getTaskId()),
        t.getName(),
        AgentId.of(t.getAgentId()),
        resources(t.getResources()),
        commandInfo(t.getCommand()),
        t.hasContainer() ? Optional.of(containerInfo(t.getContainer())) : Optional.empty(),
        t.hasHealthCheck() ? Optional.of(healthCheck(t.getHealthCheck())) : Optional.empty(),
        t.getKillGracePeriodMs() > 0 ? Duration.ofMillis(t.getKillGracePeriodMs()) : null,
        t.getLabelsMap());
  }

  public static TaskState taskState(io.drover.protocol.v1.TaskState s) {
    if (s == io.drover.protocol.v1.TaskState.TASK_STATE_UNSPECIFIED || s == io.drover.protocol.v1.TaskState.UNRECOGNIZED) {
      throw new InvalidValueException("task state is missing or unknown");
    }
    return TaskState.valueOf(s.name());
  }

  public static TaskStatusReason reason(io.drover.protocol.v1.TaskStatusReason r) {
    return switch (r) {
      case TASK_UNKNOWN_REASON -> TaskStatusReason.TASK_UNKNOWN;
      case UNRECOGNIZED -> TaskStatusReason.NONE;
      default -> TaskStatusReason.valueOf(r.name());
    };
  }

  public static TaskStatus taskStatus(io.drover.protocol.v1.TaskStatus s) {
    return new TaskStatus(
        TaskId.of(s.getTaskId()),
        taskState(s.getState()),
        s.getAgentId().isEmpty() ? Optional.empty() : Optional.of(AgentId.of(s.getAgentId())),
        s.getUuid().isEmpty() ? Optional.empty() : Optional.of(s.getUuid()),
        reason(s.getReason()),
        s.getMessage(),
        s.hasHealthy() ? Optional.of(s.getHealthy()) : Optional.empty(),
        source(s.getSource()),
        Instant.ofEpochMilli(s.getTimestampMs()));
  }

  private static StatusSource source(io.drover.protocol.v1.StatusSource s) {
    return switch (s) {
      case SOURCE_MASTER -> StatusSource.SOURCE_MASTER;
      case SOURCE_EXECUTOR -> StatusSource.SOURCE_EXECUTOR;
      default -> StatusSource.SOURCE_AGENT;
    };
  }

  public static Offer offer(io.drover.protocol.v1.Offer o) {
    return new Offer(
        OfferId.of(o.getId()),
        FrameworkId.of(o.getFrameworkId()),
        AgentId.of(o.getAgentId()),
        o.getHostname(),
        resources(o.getResources()),
        attributes(o.getAttributesList()),
        o.getAllocationRole());
  }

  /** Absent or unset refuse seconds mean the default filter. */
  public static Filters filters(io.drover.protocol.v1.Filters f) {
    return f.hasRefuseSeconds() ? Filters.refuseSeconds(f.getRefuseSeconds()) : Filters.DEFAULT;
  }
}
