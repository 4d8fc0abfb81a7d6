package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.ContainerInfo.Parameter;
import io.drover.core.ContainerInfo.PortMapping;
import io.drover.core.FrameworkId;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerRunSpecTest {
  private static final DockerSettings SETTINGS = new DockerSettings(URI.create("unix:///run/docker.sock"), List.of(), false);
  private static final ContainerId RUN = new ContainerId("run-1");

  private static TaskInfo task(CommandInfo command, String resources, ContainerInfo container) {
    return new TaskInfo(TaskId.of("web"), "web", Tasks.AGENT, Resources.parse(resources), command, Optional.of(container), Optional.empty(), null, Map.of());
  }

  private static DockerRunSpec spec(TaskInfo task) {
    return DockerRunSpec.of(new ContainerLaunch(RUN, FrameworkId.of("fw-1"), Tasks.AGENT, task, Path.of("/sandbox"), Path.of("/meta"), "host-1"), SETTINGS, "/work");
  }

  @Test
  void aShellTaskBecomesAContainerWithItsLimitsEnvironmentAndLabels() {
    ContainerInfo container =
        new ContainerInfo(
            "app:1",
            true,
            List.of(new Parameter("label", "team=web"), new Parameter("env", "MODE=param"), new Parameter("env", "HOST=forged")),
            List.of(new PortMapping(0, 8080, "tcp", "", Map.of())),
            List.of());
    CommandInfo command = CommandInfo.shell("exec app").withEnvironment(Map.of("MODE", "task", "LEVEL", "3"));

    DockerRunSpec spec = spec(task(command, "cpus:1.5;mem:128;ports:[31000-31001]", container));

    assertThat(spec.name()).isEqualTo("drover-run-1");
    assertThat(spec.image()).isEqualTo("app:1");
    assertThat(spec.forcePull()).isTrue();
    assertThat(spec.entrypoint()).contains(List.of("/bin/sh", "-c"));
    assertThat(spec.cmd()).containsExactly("exec app");
    assertThat(spec.cpuShares()).isEqualTo(1536);
    assertThat(spec.cpuQuotaMicros()).isEqualTo(150_000);
    assertThat(spec.memoryBytes()).isEqualTo(128L * 1024 * 1024);
    assertThat(spec.ports()).containsExactly(new PortAssignment.Binding(31000, 8080, "tcp"));
    assertThat(spec.env())
        .containsEntry("LEVEL", "3")
        .containsEntry("MODE", "param")
        .containsEntry("HOST", "host-1")
        .containsEntry("PORT0", "31000")
        .containsEntry("PORTS", "31000,31001")
        .containsEntry("DROVER_CONTAINER_ID", "run-1")
        .doesNotContainKey("DROVER_SANDBOX");
    assertThat(spec.labels())
        .containsEntry("team", "web")
        .containsEntry(DockerRunSpec.FRAMEWORK_LABEL, "fw-1")
        .containsEntry(DockerRunSpec.TASK_LABEL, "web")
        .containsEntry(DockerRunSpec.AGENT_LABEL, Tasks.AGENT.value())
        .containsEntry(DockerRunSpec.CONTAINER_LABEL, "run-1")
        .containsEntry(DockerRunSpec.OWNER_LABEL, "/work");
  }

  @Test
  void tinyCpuSharesAndQuotasStayWithinTheKernelsLimits() {
    DockerRunSpec spec = spec(task(CommandInfo.shell("true"), "cpus:0.001;mem:16", ContainerInfo.docker("app")));

    assertThat(spec.cpuShares()).isEqualTo(2);
    assertThat(spec.cpuQuotaMicros()).isEqualTo(1_000);
  }

  @Test
  void withoutCpusOrMemNoLimitIsSet() {
    DockerRunSpec spec = spec(task(CommandInfo.shell("true"), "disk:10", ContainerInfo.docker("app")));

    assertThat(spec.cpuShares()).isZero();
    assertThat(spec.cpuQuotaMicros()).isZero();
    assertThat(spec.memoryBytes()).isZero();
  }

  @Test
  void anArgvReplacesTheImagesCommandAndKeepsItsEntrypointUnlessAParameterReplacesIt() {
    ContainerInfo plain = ContainerInfo.docker("app");
    ContainerInfo withEntrypoint = new ContainerInfo("app", false, List.of(new Parameter("entrypoint", "/bin/tool")), List.of(), List.of());

    DockerRunSpec argv = spec(task(new CommandInfo("", List.of("serve", "--port", "80"), false, Map.of()), "cpus:1", plain));
    DockerRunSpec valueAndArgs = spec(task(new CommandInfo("/bin/serve", List.of("argv0", "-v"), false, Map.of()), "cpus:1", withEntrypoint));
    DockerRunSpec imageDefault = spec(task(new CommandInfo("", List.of(), false, Map.of()), "cpus:1", plain));

    assertThat(argv.entrypoint()).isEmpty();
    assertThat(argv.cmd()).containsExactly("serve", "--port", "80");
    assertThat(valueAndArgs.entrypoint()).contains(List.of("/bin/tool"));
    assertThat(valueAndArgs.cmd()).containsExactly("/bin/serve", "-v");
    assertThat(imageDefault.entrypoint()).isEmpty();
    assertThat(imageDefault.cmd()).isEmpty();
  }

  @Test
  void refusesCombinationsThatCannotWork() {
    ContainerInfo hostNetwork = new ContainerInfo("app", false, List.of(new Parameter("network", "host")), List.of(new PortMapping(0, 80, "tcp", "", Map.of())), List.of());
    ContainerInfo shellAndEntrypoint = new ContainerInfo("app", false, List.of(new Parameter("entrypoint", "/bin/x")), List.of(), List.of());

    assertThatThrownBy(() -> DockerRunSpec.check(task(CommandInfo.shell("x"), "cpus:1;ports:[31000-31000]", hostNetwork), SETTINGS))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("port mappings need the bridge network, not network=host");
    assertThatThrownBy(() -> DockerRunSpec.check(task(CommandInfo.shell("x"), "cpus:1", shellAndEntrypoint), SETTINGS)).hasMessageContaining("cannot have an entrypoint parameter");
  }

  @Test
  void checkingNamesTheFirstProblemAndPassesTasksWithoutAContainer() {
    assertThatThrownBy(() -> DockerRunSpec.check(task(CommandInfo.shell("x"), "cpus:1", ContainerInfo.docker("Bad!")), SETTINGS)).hasMessageStartingWith("image name 'Bad!' is invalid");
    DockerRunSpec.check(Tasks.shell("plain", "true"), SETTINGS);
  }
}
