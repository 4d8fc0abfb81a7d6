package io.drover.protocol;

import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.Filters;
import io.drover.core.FrameworkInfo;
import io.drover.core.HealthCheck;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.StatusSource;
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
import java.util.List;

/** Converts domain records to wire messages. The one place that knows both shapes, with {@link FromProto}. */
public final class ToProto {
  private ToProto() {}

  public static io.drover.protocol.v1.Resources resources(Resources r) {
    io.drover.protocol.v1.Resources.Builder b = io.drover.protocol.v1.Resources.newBuilder();
    for (String name : r.scalarNames()) {
      b.addScalars(Scalar.newBuilder().setName(name).setMillis(r.scalarMillis(name)));
    }
    for (String name : r.rangeNames()) {
      b.addRanges(RangesResource.newBuilder().setName(name).addAllRanges(ranges(r.ranges(name))));
    }
    for (String name : r.setNames()) {
      b.addSets(SetResource.newBuilder().setName(name).addAllItems(r.set(name)));
    }
    return b.build();
  }

  private static List<Range> ranges(Ranges ranges) {
    return ranges.ranges().stream().map(ToProto::range).toList();
  }

  private static Range range(ValueRange r) {
    return Range.newBuilder().setBegin(r.begin()).setEnd(r.end()).build();
  }

  public static List<Attribute> attributes(Attributes attributes) {
    return attributes.values().entrySet().stream()
        .map(e -> Attribute.newBuilder().setName(e.getKey()).setValue(e.getValue()).build())
        .toList();
  }

  public static io.drover.protocol.v1.FrameworkInfo frameworkInfo(FrameworkInfo f) {
    io.drover.protocol.v1.FrameworkInfo.Builder b =
        io.drover.protocol.v1.FrameworkInfo.newBuilder()
            .setName(f.name())
            .addAllRoles(f.roles().stream().sorted().toList())
            .setFailoverTimeoutMs(f.failoverTimeout().toMillis())
            .setCheckpoint(f.checkpoint())
            .setPrincipal(f.principal())
            .setHostname(f.hostname());
    f.id().ifPresent(id -> b.setId(id.value()));
    return b.build();
  }

  public static io.drover.protocol.v1.AgentInfo agentInfo(AgentInfo a) {
    return io.drover.protocol.v1.AgentInfo.newBuilder()
        .setHostname(a.hostname())
        .setPort(a.port())
        .setResources(resources(a.resources()))
        .addAllAttributes(attributes(a.attributes()))
        .addAllCapabilities(a.capabilities().stream().sorted().toList())
        .build();
  }

  public static io.drover.protocol.v1.MasterInfo masterInfo(MasterInfo m) {
    return io.drover.protocol.v1.MasterInfo.newBuilder()
        .setId(m.id())
        .setHost(m.host())
        .setProtocolPort(m.protocolPort())
        .setHttpPort(m.httpPort())
        .setEpoch(m.epoch())
        .setVersion(m.version())
        .build();
  }

  public static io.drover.protocol.v1.CommandInfo commandInfo(CommandInfo c) {
    return io.drover.protocol.v1.CommandInfo.newBuilder()
        .setValue(c.value())
        .addAllArguments(c.arguments())
        .setShell(c.shell())
        .putAllEnvironment(c.environment())
        .build();
  }

  public static io.drover.protocol.v1.ContainerInfo containerInfo(ContainerInfo c) {
    io.drover.protocol.v1.ContainerInfo.Builder b =
        io.drover.protocol.v1.ContainerInfo.newBuilder().setImage(c.image()).setForcePullImage(c.forcePullImage());
    c.parameters()
        .forEach(p -> b.addParameters(io.drover.protocol.v1.ContainerInfo.Parameter.newBuilder().setKey(p.key()).setValue(p.value())));
    c.portMappings()
        .forEach(
            m ->
                b.addPortMappings(
                    io.drover.protocol.v1.ContainerInfo.PortMapping.newBuilder()
                        .setHostPort(m.hostPort())
                        .setContainerPort(m.containerPort())
                        .setProtocol(m.protocol())
                        .setName(m.name())
                        .putAllLabels(m.labels())));
    c.volumes()
        .forEach(
            v ->
                b.addVolumes(
                    io.drover.protocol.v1.ContainerInfo.Volume.newBuilder()
                        .setHostPath(v.hostPath())
                        .setContainerPath(v.containerPath())
                        .setReadOnly(v.readOnly())));
    return b.build();
  }

  public static io.drover.protocol.v1.HealthCheck healthCheck(HealthCheck h) {
    return io.drover.protocol.v1.HealthCheck.newBuilder()
        .setProtocol(io.drover.protocol.v1.HealthCheck.Protocol.valueOf(h.protocol().name()))
        .setPath(h.path())
        .setPortIndex(h.portIndex())
        .setCommand(h.command())
        .setGracePeriodMs(h.gracePeriod().toMillis())
        .setIntervalMs(h.interval().toMillis())
        .setTimeoutMs(h.timeout().toMillis())
        .setMaxConsecutiveFailures(h.maxConsecutiveFailures())
        .build();
  }

  public static io.drover.protocol.v1.TaskInfo taskInfo(TaskInfo t) {
    io.drover.protocol.v1.TaskInfo.Builder b =
        io.drover.protocol.v1.TaskInfo.newBuilder()
            .setTaskId(t.id().value())
            .setName(t.name())
            .setAgentId(t.agentId().value())
            .setResources(resources(t.resources()))
            .setCommand(commandInfo(t.command()))
            .setKillGracePeriodMs(t.killGracePeriod().toMillis())
            .putAllLabels(t.labels());
    t.container().ifPresent(c -> b.setContainer(containerInfo(c)));
    t.healthCheck().ifPresent(h -> b.setHealthCheck(healthCheck(h)));
    return b.build();
  }

  public static io.drover.protocol.v1.TaskState taskState(TaskState s) {
    return io.drover.protocol.v1.TaskState.valueOf(s.name());
  }

  public static io.drover.protocol.v1.TaskStatusReason reason(TaskStatusReason r) {
    return r == TaskStatusReason.TASK_UNKNOWN
        ? io.drover.protocol.v1.TaskStatusReason.TASK_UNKNOWN_REASON
        : io.drover.protocol.v1.TaskStatusReason.valueOf(r.name());
  }

  public static io.drover.protocol.v1.TaskStatus taskStatus(TaskStatus s) {
    io.drover.protocol.v1.TaskStatus.Builder b =
        io.drover.protocol.v1.TaskStatus.newBuilder()
            .setTaskId(s.taskId().value())
            .setState(taskState(s.state()))
            .setReason(reason(s.reason()))
            .setMessage(s.message())
            .setSource(source(s.source()))
            .setTimestampMs(s.timestamp().toEpochMilli());
    s.agentId().ifPresent(a -> b.setAgentId(a.value()));
    s.uuid().ifPresent(b::setUuid);
    s.healthy().ifPresent(b::setHealthy);
    return b.build();
  }

  private static io.drover.protocol.v1.StatusSource source(StatusSource s) {
    return io.drover.protocol.v1.StatusSource.valueOf(s.name());
  }

  public static io.drover.protocol.v1.Offer offer(Offer o) {
    return io.drover.protocol.v1.Offer.newBuilder()
        .setId(o.id().value())
        .setFrameworkId(o.frameworkId().value())
        .setAgentId(o.agentId().value())
        .setHostname(o.hostname())
        .setResources(resources(o.resources()))
        .addAllAttributes(attributes(o.attributes()))
        .setAllocationRole(o.role())
        .build();
  }

  public static io.drover.protocol.v1.Filters filters(Filters f) {
    return io.drover.protocol.v1.Filters.newBuilder().setRefuseSeconds(f.refuse().toNanos() / 1e9).build();
  }
}
