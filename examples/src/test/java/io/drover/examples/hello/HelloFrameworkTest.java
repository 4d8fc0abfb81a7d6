package io.drover.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.ContainerInfo;
import io.drover.core.Resources;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelloFrameworkTest {
  private final HelloFramework hello = new HelloFramework();
  private final CommandLine commandLine = new CommandLine(hello);
  private final StringWriter err = new StringWriter();

  HelloFrameworkTest() {
    commandLine.setErr(new PrintWriter(err));
  }

  @Test
  void hasTheDocumentedDefaults() {
    commandLine.parseArgs();

    assertThat(hello.zk).isEqualTo("zk://127.0.0.1:2181/drover");
    assertThat(hello.timeoutSeconds).isEqualTo(300);
    assertThat(hello.spec()).isEqualTo(new HelloSpec(20, "echo hi", Resources.cpusMem(0.1, 32), java.util.Optional.empty()));
  }

  @Test
  void readsItsOptions() {
    commandLine.parseArgs(
        "--zk", "zk://zk1:2181,zk2:2181/test", "--tasks", "3", "--cmd", "sleep 1", "--cpus", "0.25", "--mem", "64", "--docker-image", "busybox:1", "--timeout", "30");

    assertThat(hello.zk).isEqualTo("zk://zk1:2181,zk2:2181/test");
    assertThat(hello.timeoutSeconds).isEqualTo(30);
    assertThat(hello.spec())
        .isEqualTo(new HelloSpec(3, "sleep 1", Resources.cpusMem(0.25, 64), java.util.Optional.of(ContainerInfo.docker("busybox:1"))));
  }

  @Test
  void rejectsBadValuesAsUsageErrorsBeforeConnecting() {
    assertThat(commandLine.execute("--tasks", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--tasks must be at least 1, not 0");

    assertThat(commandLine.execute("--zk", "http://nowhere")).isEqualTo(2);
    assertThat(err.toString()).contains("must look like zk://host:2181/drover");

    assertThat(commandLine.execute("--cpus", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--cpus and --mem must be greater than 0");
  }

  @Test
  void isACommandNamedHello() {
    assertThat(commandLine.getCommandName()).isEqualTo("hello");
  }
}
