package io.drover.agent;

import static io.drover.agent.AgentCluster.ack;
import static io.drover.agent.AgentCluster.kill;
import static io.drover.agent.AgentCluster.of;
import static io.drover.agent.AgentCluster.registered;
import static io.drover.agent.AgentCluster.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.agent.task.TaskView;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.protocol.FromProto;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole agent (without Docker) against a fake master on real ZooKeeper and real Netty, running real processes. */
class AgentIT {
  @TempDir Path work;
  private AgentCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = new AgentCluster(work);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private Agent agent() throws Exception {
    return cluster.start(cluster.config());
  }

  private static TaskInfo task(String id, String command) {
    TaskInfo t = Tasks.shell(id, command);
    return new TaskInfo(t.id(), id, Tasks.AGENT, Resources.parse("cpus:0.1;mem:16"), t.command(), t.container(), t.healthCheck(), Duration.ofSeconds(2), t.labels());
  }

  @Test
  void registersRunsTasksAndDeliversEveryUpdateUntilAcknowledged() throws Exception {
    FakeMaster master = cluster.leader("m1");
    Agent agent = agent();

    RegisterAgent first = master.awaitRegistration(1);
    assertThat(first.getAgentId()).isEmpty();
    assertThat(FromProto.agentInfo(first.getInfo()).hostname()).isEqualTo("agent-host");
    assertThat(FromProto.agentInfo(first.getInfo()).resources()).isEqualTo(Resources.parse("cpus:2;mem:512;disk:1000;ports:[31000-31010]"));
    assertThat(FromProto.agentInfo(first.getInfo()).attributes().get("rack")).contains("r1");
    assertThat(FromProto.agentInfo(first.getInfo()).port()).isEqualTo(agent.httpPort());
    // Unanswered, the registration is repeated.
    master.awaitRegistration(2);

    master.send(registered("agent-1"));
    await().until(() -> agent.state().registered());
    assertThat(agent.state().id()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("agent-1"));
    assertThat(work.resolve("meta/agent_id")).hasContent("agent-1");

    master.send(run(task("echo", "echo hi")));
    AgentStatusUpdate running = master.awaitUpdate(of("echo", TaskState.TASK_RUNNING));
    assertThat(running.getFrameworkId()).isEqualTo("fw-1");
    assertThat(running.getStatus().getUuid()).isNotEmpty();
    // Unacknowledged, it is sent again with the same uuid, and nothing overtakes it.
    await().until(() -> master.updates(of("echo", TaskState.TASK_RUNNING)).size() >= 2);
    assertThat(master.updates(of("echo", TaskState.TASK_RUNNING))).allMatch(u -> u.getStatus().getUuid().equals(running.getStatus().getUuid()));
    assertThat(master.updates(of("echo", TaskState.TASK_FINISHED))).isEmpty();

    master.send(ack(running));
    AgentStatusUpdate finished = master.awaitUpdate(of("echo", TaskState.TASK_FINISHED));
    assertThat(finished.getStatus().getMessage()).isEqualTo("Command exited with status 0");
    master.send(ack(finished));
    await().until(() -> agent.state().tasks().isEmpty());

    master.send(run(task("sleeper", "sleep 1000")));
    master.send(ack(master.awaitUpdate(of("sleeper", TaskState.TASK_RUNNING))));
    master.send(kill("sleeper"));
    master.awaitUpdate(of("sleeper", TaskState.TASK_KILLED));

    master.send(run(Tasks.docker("boxed")));
    assertThat(master.awaitUpdate(of("boxed", TaskState.TASK_FAILED)).getStatus().getMessage()).startsWith("agent has no docker containerizer");
  }

  @Test
  void aCompletedTaskIsListedWithItsSandboxUntilTheSandboxIsCollected() throws Exception {
    FakeMaster master = cluster.leader("m1");
    Agent agent = cluster.start(cluster.config().withGcDelay(Duration.ofSeconds(2)));
    master.awaitRegistration(1);
    master.send(registered("agent-1"));
    await().until(() -> agent.state().registered());

    master.send(run(task("crash", "echo it broke >&2; exit 1")));
    master.send(ack(master.awaitUpdate(of("crash", TaskState.TASK_RUNNING))));
    master.send(ack(master.awaitUpdate(of("crash", TaskState.TASK_FAILED))));

    await().until(() -> agent.state().tasks().isEmpty() && agent.state().completedTasks().size() == 1);
    TaskView crash = agent.state().completedTasks().get(0);
    assertThat(crash.state()).isEqualTo(io.drover.core.TaskState.TASK_FAILED);
    Path sandbox = Path.of(crash.sandbox().orElseThrow());
    assertThat(sandbox.resolve("stderr")).hasContent("it broke");

    await().atMost(Duration.ofSeconds(20)).until(() -> agent.state().completedTasks().isEmpty());
    assertThat(sandbox).doesNotExist();
  }

  @Test
  void aRestartedAgentReregistersWithItsTasksWhichKeepRunningAndFollowsANewLeader() throws Exception {
    FakeMaster m1 = cluster.leader("m1");
    Agent agent = agent();
    m1.awaitRegistration(1);
    m1.send(registered("agent-1"));
    await().until(() -> agent.state().registered());
    m1.send(run(task("waiter", "touch ready; while [ ! -f stop ]; do sleep 0.05; done; exit 7")));
    m1.send(ack(m1.awaitUpdate(of("waiter", TaskState.TASK_RUNNING))));
    Path sandbox = Path.of(agent.state().tasks().get(0).sandbox().orElseThrow());
    await().until(() -> Files.exists(sandbox.resolve("ready")));

    agent.stop();
    int before = m1.registrations().size();
    Agent restarted = agent();

    RegisterAgent again = m1.awaitRegistration(before + 1);
    assertThat(again.getAgentId()).isEqualTo("agent-1");
    assertThat(again.getTasksList()).hasSize(1);
    assertThat(again.getTasks(0).getTask().getTaskId()).isEqualTo("waiter");
    assertThat(again.getTasks(0).getState()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(again.getTasks(0).getFrameworkId()).isEqualTo("fw-1");
    assertThat(again.getFrameworksList()).extracting(f -> f.getId()).containsExactly("fw-1");
    m1.send(registered("agent-1"));
    await().until(() -> restarted.state().registered());
    assertThat(Files.exists(sandbox.resolve("stop"))).isFalse();

    FakeMaster m2 = cluster.leader("m2");
    RegisterAgent toNewLeader = m2.awaitRegistration(1);
    assertThat(toNewLeader.getAgentId()).isEqualTo("agent-1");
    assertThat(toNewLeader.getTasksList()).extracting(t -> t.getTask().getTaskId()).containsExactly("waiter");
    m2.send(registered("agent-1"));

    Files.writeString(sandbox.resolve("stop"), "");
    AgentStatusUpdate failed = m2.awaitUpdate(of("waiter", TaskState.TASK_FAILED));
    assertThat(failed.getStatus().getMessage()).startsWith("Command exited with status 7");
  }

  @Test
  void anAgentStoppedWithItsTasksKillsThemAndTheKillsAreReported() throws Exception {
    FakeMaster master = cluster.leader("m1");
    Agent agent = agent();
    master.awaitRegistration(1);
    master.send(registered("agent-1"));
    await().until(() -> agent.state().registered());
    master.send(run(task("sleeper", "echo $$ > pid; exec sleep 600")));
    master.send(ack(master.awaitUpdate(of("sleeper", TaskState.TASK_RUNNING))));
    Path pidFile = Path.of(agent.state().tasks().get(0).sandbox().orElseThrow()).resolve("pid");
    await().until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

    agent.stopWithTasks(Duration.ofSeconds(20));

    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the task's process is gone").isEmpty();
    // The kill is checkpointed: reported before the stop or, at the latest, by the agent's next start.
    int before = master.registrations().size();
    Agent restarted = agent();
    master.awaitRegistration(before + 1);
    master.send(registered("agent-1"));
    await().until(() -> restarted.state().registered());
    assertThat(master.awaitUpdate(of("sleeper", TaskState.TASK_KILLED)).getStatus().getMessage()).isEqualTo("Task killed");
  }
}
