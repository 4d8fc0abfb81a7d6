package io.drover.sdk;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.OfferId;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskStatus;
import io.drover.protocol.ToProto;
import io.drover.protocol.v1.Accept;
import io.drover.protocol.v1.Acknowledge;
import io.drover.protocol.v1.Decline;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Kill;
import io.drover.protocol.v1.Launch;
import io.drover.protocol.v1.Operation;
import io.drover.protocol.v1.Reconcile;
import io.drover.protocol.v1.Revive;
import io.drover.protocol.v1.SchedulerCall;
import io.drover.protocol.v1.Subscribe;
import io.drover.protocol.v1.Suppress;
import io.drover.protocol.v1.Teardown;
import java.util.Collection;
import java.util.Optional;

/** Builds the frames of a scheduler's calls: the driver's one place that knows the wire shapes. */
final class SchedulerCalls {
  private SchedulerCalls() {}

  static Frame subscribe(FrameworkInfo info, Optional<FrameworkId> frameworkId) {
    FrameworkInfo withId = frameworkId.map(info::withId).orElse(info);
    SchedulerCall.Builder call =
        SchedulerCall.newBuilder().setSubscribe(Subscribe.newBuilder().setFrameworkInfo(ToProto.frameworkInfo(withId)));
    frameworkId.ifPresent(id -> call.setFrameworkId(id.value()));
    return frame(call);
  }

  static Frame accept(FrameworkId frameworkId, Collection<OfferId> offerIds, Collection<TaskInfo> tasks, Filters filters) {
    Accept.Builder accept = Accept.newBuilder().setFilters(ToProto.filters(filters));
    offerIds.forEach(id -> accept.addOfferIds(id.value()));
    if (!tasks.isEmpty()) {
      Launch.Builder launch = Launch.newBuilder();
      tasks.forEach(t -> launch.addTasks(ToProto.taskInfo(t)));
      accept.addOperations(Operation.newBuilder().setLaunch(launch));
    }
    return frame(call(frameworkId).setAccept(accept));
  }

  static Frame decline(FrameworkId frameworkId, Collection<OfferId> offerIds, Filters filters) {
    Decline.Builder decline = Decline.newBuilder().setFilters(ToProto.filters(filters));
    offerIds.forEach(id -> decline.addOfferIds(id.value()));
    return frame(call(frameworkId).setDecline(decline));
  }

  static Frame revive(FrameworkId frameworkId, Collection<String> roles) {
    return frame(call(frameworkId).setRevive(Revive.newBuilder().addAllRoles(roles.stream().sorted().toList())));
  }

  static Frame suppress(FrameworkId frameworkId, Collection<String> roles) {
    return frame(call(frameworkId).setSuppress(Suppress.newBuilder().addAllRoles(roles.stream().sorted().toList())));
  }

  static Frame kill(FrameworkId frameworkId, TaskId taskId, AgentId agentId) {
    return frame(call(frameworkId).setKill(Kill.newBuilder().setTaskId(taskId.value()).setAgentId(agentId.value())));
  }

  /** {@code status} must carry a uuid. */
  static Frame acknowledge(FrameworkId frameworkId, TaskStatus status) {
    Acknowledge.Builder ack =
        Acknowledge.newBuilder().setTaskId(status.taskId().value()).setUuid(status.uuid().orElseThrow());
    status.agentId().ifPresent(a -> ack.setAgentId(a.value()));
    return frame(call(frameworkId).setAcknowledge(ack));
  }

  static Frame reconcile(FrameworkId frameworkId, Collection<ReconcileTask> tasks) {
    Reconcile.Builder reconcile = Reconcile.newBuilder();
    for (ReconcileTask t : tasks) {
      Reconcile.Task.Builder task = Reconcile.Task.newBuilder().setTaskId(t.taskId().value());
      t.agentId().ifPresent(a -> task.setAgentId(a.value()));
      reconcile.addTasks(task);
    }
    return frame(call(frameworkId).setReconcile(reconcile));
  }

  static Frame teardown(FrameworkId frameworkId) {
    return frame(call(frameworkId).setTeardown(Teardown.getDefaultInstance()));
  }

  private static SchedulerCall.Builder call(FrameworkId frameworkId) {
    return SchedulerCall.newBuilder().setFrameworkId(frameworkId.value());
  }

  private static Frame frame(SchedulerCall.Builder call) {
    return Frame.newBuilder().setSchedulerCall(call).build();
  }
}
