package io.drover.agent;

import io.drover.agent.task.TaskView;
import io.drover.agent.update.StatusUpdate;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.v1.AgentCall;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.RunningTask;
import java.util.List;
import java.util.Optional;

/** The frames an agent sends to the master. */
public final class AgentCalls {
  private AgentCalls() {}

  /** A registration: new without an id, a re-registration with the agent's id and every task it still knows. */
  public static RegisterAgent register(Optional<AgentId> agentId, AgentInfo info, List<TaskView> tasks, List<FrameworkInfo> frameworks) {
    RegisterAgent.Builder register = RegisterAgent.newBuilder().setInfo(ToProto.agentInfo(info));
    agentId.ifPresent(id -> register.setAgentId(id.value()));
    for (TaskView task : tasks) {
      register.addTasks(
          RunningTask.newBuilder()
              .setFrameworkId(task.frameworkId().value())
              .setTask(ToProto.taskInfo(task.task()))
              .setState(ToProto.taskState(task.state())));
    }
    frameworks.forEach(f -> register.addFrameworks(ToProto.frameworkInfo(f)));
    return register.build();
  }

  public static Frame update(StatusUpdate update) {
    return Frame.newBuilder()
        .setAgentCall(
            AgentCall.newBuilder()
                .setUpdate(AgentStatusUpdate.newBuilder().setFrameworkId(update.frameworkId().value()).setStatus(ToProto.taskStatus(update.status()))))
        .build();
  }
}
