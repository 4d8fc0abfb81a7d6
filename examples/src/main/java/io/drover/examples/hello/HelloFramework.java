package io.drover.examples.hello;

import io.drover.core.ContainerInfo;
import io.drover.core.FrameworkInfo;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import io.drover.sdk.SchedulerDriver;
import io.drover.sdk.ZooKeeperSchedulerDriver;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The hello framework: runs N copies of a command on the cluster and reports how they ended. */
@Command(
    name = "hello",
    mixinStandardHelpOptions = true,
    description = "Runs --tasks copies of a shell command on a Drover cluster, then prints how they ended. Exits 0 only if all finished.")
public final class HelloFramework implements Callable<Integer> {
  /** Long enough to ride out a master failover; hello does not keep its id, so it never comes back later. */
  static final Duration FAILOVER_TIMEOUT = Duration.ofMinutes(1);

  @Spec CommandSpec command;

  @Option(names = "--zk", defaultValue = "zk://127.0.0.1:2181/drover", description = "ZooKeeper URL of the cluster (default: ${DEFAULT-VALUE})")
  String zk;

  @Option(names = "--tasks", defaultValue = "20", description = "How many tasks to run (default: ${DEFAULT-VALUE})")
  int tasks;

  @Option(names = "--cmd", defaultValue = "echo hi", description = "Shell command each task runs (default: ${DEFAULT-VALUE})")
  String cmd;

  @Option(names = "--cpus", defaultValue = "0.1", description = "CPUs per task (default: ${DEFAULT-VALUE})")
  double cpus;

  @Option(names = "--mem", defaultValue = "32", description = "Memory per task in MiB (default: ${DEFAULT-VALUE})")
  double mem;

  @Option(names = "--docker-image", description = "Run each task in a container of this Docker image")
  String dockerImage;

  @Option(names = "--timeout", defaultValue = "300", description = "Give up after this many seconds (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    HelloSpec spec = spec();
    if (timeoutSeconds < 1) {
      throw new ParameterException(command.commandLine(), "--timeout must be at least 1 second");
    }
    HelloScheduler scheduler = new HelloScheduler(spec);
    SchedulerDriver driver = driver(scheduler);
    long start = System.nanoTime();
    driver.start();
    boolean ended = driver.awaitTermination(Duration.ofSeconds(timeoutSeconds));
    if (!ended) {
      driver.stop(false);
    }
    HelloOutcome outcome = scheduler.outcome(!ended, Duration.ofNanos(System.nanoTime() - start));
    command.commandLine().getOut().println(outcome.summary());
    command.commandLine().getOut().flush();
    return outcome.exitCode();
  }

  HelloSpec spec() {
    try {
      Resources resources = Resources.builder().scalar(Resources.CPUS, cpus).scalar(Resources.MEM, mem).build();
      if (resources.cpus() <= 0 || resources.mem() <= 0) {
        throw new InvalidValueException("--cpus and --mem must be greater than 0");
      }
      return new HelloSpec(tasks, cmd, resources, Optional.ofNullable(dockerImage).map(ContainerInfo::docker));
    } catch (InvalidValueException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
  }

  private SchedulerDriver driver(HelloScheduler scheduler) {
    FrameworkInfo framework = FrameworkInfo.named("hello").withFailoverTimeout(FAILOVER_TIMEOUT);
    try {
      return new ZooKeeperSchedulerDriver(scheduler, framework, zk);
    } catch (InvalidValueException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new HelloFramework()).execute(args));
  }
}
