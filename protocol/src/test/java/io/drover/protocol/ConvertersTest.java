package io.drover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.drover.core.Resources;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every domain value survives record -> proto -> bytes -> proto -> record unchanged. */
class ConvertersTest {
  private final Resources resources = Resources.parse("cpus:1.5;mem:256;disk:10;ports:[31000-31002,31010-31010];zones:{a,b}");

  @Test
  void resources() {
    assertThat(FromProto.resources(ToProto.resources(resources))).isEqualTo(resources);
    assertThat(FromProto.resources(ToProto.resources(Resources.EMPTY))).isEqualTo(Resources.EMPTY);
  }

  @Test
  void frameworkInfo() {
    FrameworkInfo info =
        new FrameworkInfo(Optional.of(FrameworkId.of("fw-1")), "marathon", Set.of("web", "batch"), Duration.ofHours(1), true, "ops", "host-a");
    assertThat(FromProto.frameworkInfo(ToProto.frameworkInfo(info))).isEqualTo(info);
    FrameworkInfo fresh = FrameworkInfo.named("new");
    assertThat(FromProto.frameworkInfo(ToProto.frameworkInfo(fresh))).isEqualTo(fresh);
  }

  @Test
  void agentAndMasterInfo() {
    AgentInfo agent = new AgentInfo("local-1", 5051, resources, Attributes.parse("rack:r1;zone:a"), Set.of(AgentInfo.CAPABILITY_DOCKER));
    assertThat(FromProto.agentInfo(ToProto.agentInfo(agent))).isEqualTo(agent);
    MasterInfo master = new MasterInfo("m1", "127.0.0.1", 5055, 5050, 7, "0.1.0");
    assertThat(FromProto.masterInfo(ToProto.masterInfo(master))).isEqualTo(master);
  }

  @Test
  void taskInfoWithContainerAndHealthCheck() throws Exception {
    TaskInfo task =
        new TaskInfo(
            TaskId.of("web.1"),
            "web",
            AgentId.of("agent-1"),
            resources,
            new CommandInfo("/bin/httpd", List.of("httpd", "-f"), false, Map.of("A", "1")),
            Optional.of(
                new ContainerInfo(
                    "drover-test/busybox:1",
                    true,
                    List.of(new ContainerInfo.Parameter("label", "x=y")),
                    List.of(new ContainerInfo.PortMapping(0, 80, "tcp", "http", Map.of("vip", "web"))),
                    List.of(new ContainerInfo.Volume("/srv", "/data", true)))),
            Optional.of(new HealthCheck(HealthCheck.Protocol.HTTP, "/health", 0, "", Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2), 3)),
            Duration.ofSeconds(7),
            Map.of("app", "web"));
    byte[] wire = ToProto.taskInfo(task).toByteArray();
    assertThat(FromProto.taskInfo(io.drover.protocol.v1.TaskInfo.parseFrom(wire))).isEqualTo(task);
    TaskInfo plain = TaskInfo.command(TaskId.of("t"), AgentId.of("a"), Resources.cpusMem(0.1, 32), "echo hi");
    assertThat(FromProto.taskInfo(ToProto.taskInfo(plain))).isEqualTo(plain);
  }

  @Test
  void everyTaskStateAndReason() {
    for (TaskState state : TaskState.values()) {
      for (TaskStatusReason reason : TaskStatusReason.values()) {
        TaskStatus status =
            new TaskStatus(
                TaskId.of("t1"), state, Optional.of(AgentId.of("a1")), Optional.of("uuid-1"), reason, "why", Optional.of(true), StatusSource.SOURCE_AGENT, Instant.ofEpochMilli(1234));
        assertThat(FromProto.taskStatus(ToProto.taskStatus(status))).isEqualTo(status);
      }
    }
    TaskStatus bare =
        new TaskStatus(TaskId.of("t1"), TaskState.TASK_LOST, Optional.empty(), Optional.empty(), TaskStatusReason.RECONCILIATION, "", Optional.empty(), StatusSource.SOURCE_MASTER, Instant.ofEpochMilli(5));
    assertThat(FromProto.taskStatus(ToProto.taskStatus(bare))).isEqualTo(bare);
  }

  @Test
  void offerAndFilters() {
    Offer offer = new Offer(OfferId.of("o-1"), FrameworkId.of("fw"), AgentId.of("ag"), "local-2", resources, Attributes.parse("rack:r2"), "web");
    assertThat(FromProto.offer(ToProto.offer(offer))).isEqualTo(offer);
    assertThat(FromProto.filters(ToProto.filters(Filters.refuseSeconds(2.5)))).isEqualTo(Filters.refuseSeconds(2.5));
    assertThat(FromProto.filters(io.drover.protocol.v1.Filters.getDefaultInstance())).isEqualTo(Filters.DEFAULT);
  }

  @Test
  void framesRoundTripThroughBytes() throws Exception {
    TaskStatus status =
        new TaskStatus(TaskId.of("t"), TaskState.TASK_RUNNING, Optional.of(AgentId.of("a")), Optional.of("u"), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, Instant.ofEpochMilli(1));
    Frame frame = Frame.newBuilder().setSchedulerEvent(SchedulerEvent.newBuilder().setUpdate(Update.newBuilder().setStatus(ToProto.taskStatus(status)))).build();
    Frame back = Frame.parseFrom(frame.toByteArray());
    assertThat(FromProto.taskStatus(back.getSchedulerEvent().getUpdate().getStatus())).isEqualTo(status);
  }

  @Test
  void invalidMessagesAreRefusedWithAReason() {
    io.drover.protocol.v1.TaskStatus noState = io.drover.protocol.v1.TaskStatus.newBuilder().setTaskId("t").build();
    assertThatThrownBy(() -> FromProto.taskStatus(noState)).isInstanceOf(InvalidValueException.class).hasMessageContaining("task state");
    io.drover.protocol.v1.TaskInfo badId = ToProto.taskInfo(TaskInfo.command(TaskId.of("t"), AgentId.of("a"), Resources.EMPTY, "x")).toBuilder().setTaskId("../x").build();
    assertThatThrownBy(() -> FromProto.taskInfo(badId)).isInstanceOf(InvalidValueException.class).hasMessageContaining("TaskId");
  }
}
