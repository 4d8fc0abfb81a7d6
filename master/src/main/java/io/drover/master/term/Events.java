package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.protocol.ToProto;
import io.drover.protocol.v1.AcknowledgeUpdate;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.AgentFailure;
import io.drover.protocol.v1.AgentRegistered;
import io.drover.protocol.v1.Error;
import io.drover.protocol.v1.KillTask;
import io.drover.protocol.v1.Offers;
import io.drover.protocol.v1.Rescind;
import io.drover.protocol.v1.RunTask;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.ShutdownFramework;
import io.drover.protocol.v1.Subscribed;
import io.drover.protocol.v1.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events the master sends, built from domain values. */
final class Events {
  private Events() {}

  static SchedulerEvent subscribed(FrameworkId id, Duration heartbeatInterval, MasterInfo master) {
    return SchedulerEvent.newBuilder()
        .setSubscribed(
            Subscribed.newBuilder()
                .setFrameworkId(id.value())
                .setHeartbeatIntervalMs(heartbeatInterval.toMillis())
                .setMaster(ToProto.masterInfo(master)))
        .build();
  }

  static SchedulerEvent offers(List<Offer> offers) {
    return SchedulerEvent.newBuilder().setOffers(Offers.newBuilder().addAllOffers(offers.stream().map(ToProto::offer).toList())).build();
  }

  static SchedulerEvent rescind(OfferId id) {
    return SchedulerEvent.newBuilder().setRescind(Rescind.newBuilder().setOfferId(id.value())).build();
  }

  static SchedulerEvent update(TaskStatus status) {
    return SchedulerEvent.newBuilder().setUpdate(Update.newBuilder().setStatus(ToProto.taskStatus(status))).build();
  }

  static SchedulerEvent agentFailure(AgentId agent, String reason) {
    return SchedulerEvent.newBuilder().setAgentFailure(AgentFailure.newBuilder().setAgentId(agent.value()).setReason(reason)).build();
  }

  static SchedulerEvent error(String message, boolean fatal) {
    return SchedulerEvent.newBuilder().setError(Error.newBuilder().setMessage(message).setFatal(fatal)).build();
  }

  /** An update the master makes up itself (not from an agent): it needs no acknowledgement. */
  static TaskStatus masterStatus(TaskId task, TaskState state, Optional<AgentId> agent, TaskStatusReason reason, String message, Instant now) {
    return new TaskStatus(task, state, agent, Optional.empty(), reason, message, Optional.empty(), StatusSource.SOURCE_MASTER, now);
  }

  static AgentEvent registered(AgentId id) {
    return AgentEvent.newBuilder().setRegistered(AgentRegistered.newBuilder().setAgentId(id.value())).build();
  }

  static AgentEvent runTask(FrameworkInfo framework, TaskInfo task) {
    return AgentEvent.newBuilder()
        .setRunTask(RunTask.newBuilder().setFramework(ToProto.frameworkInfo(framework)).setTask(ToProto.taskInfo(task)))
        .build();
  }

  static AgentEvent killTask(FrameworkId framework, TaskId task, Duration gracePeriod) {
    return AgentEvent.newBuilder()
        .setKillTask(KillTask.newBuilder().setFrameworkId(framework.value()).setTaskId(task.value()).setGracePeriodMs(gracePeriod.toMillis()))
        .build();
  }

  static AgentEvent acknowledge(FrameworkId framework, TaskId task, String uuid) {
    return AgentEvent.newBuilder()
        .setAcknowledge(AcknowledgeUpdate.newBuilder().setFrameworkId(framework.value()).setTaskId(task.value()).setUuid(uuid))
        .build();
  }

  static AgentEvent shutdownFramework(FrameworkId framework) {
    return AgentEvent.newBuilder().setShutdownFramework(ShutdownFramework.newBuilder().setFrameworkId(framework.value())).build();
  }
}
