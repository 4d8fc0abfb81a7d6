package io.drover.agent.containerizer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import io.drover.agent.health.HealthProbe;
import io.drover.agent.health.ProbeResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a COMMAND health check inside a Docker task's container ({@code docker exec sh -c}) with the
 * container's environment; passes when it exits 0 within the timeout. One that runs longer is killed
 * by its host pid (the engine has no way to stop an exec).
 */
final class DockerExecProbe implements HealthProbe {
  private final DockerClient docker;
  private final String container;
  private final String command;
  private final List<String> env;

  DockerExecProbe(DockerClient docker, String container, String command, Map<String, String> env) {
    this.docker = docker;
    this.container = container;
    this.command = command;
    this.env = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    String execId;
    try {
      execId = docker.execCreateCmd(container).withCmd("/bin/sh", "-c", command).withEnv(env).withAttachStdout(true).withAttachStderr(true).exec().getId();
    } catch (RuntimeException e) {
      return ProbeResult.failed("cannot exec the check command in container " + container + ": " + DockerErrors.message(e));
    }
    try (ResultCallback.Adapter<Frame> output = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<>())) {
      if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(execId);
        return ProbeResult.failed("the check command did not end within " + timeout.toMillis() + " ms");
      }
      Long status = docker.inspectExecCmd(execId).exec().getExitCodeLong();
      if (status == null) {
        return ProbeResult.failed("the check command left no exit status");
      }
      return status == 0 ? ProbeResult.passed("the check command exited 0") : ProbeResult.failed("the check command exited " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.failed("the check command was interrupted");
    } catch (IOException | RuntimeException e) {
      return ProbeResult.failed("the check command failed in container " + container + ": " + e.getMessage());
    }
  }

  private void kill(String execId) {
    InspectExecResponse exec = docker.inspectExecCmd(execId).exec();
    if (Boolean.TRUE.equals(exec.isRunning()) && exec.getPidLong() != null && exec.getPidLong() > 0) {
      ProcessHandle.of(exec.getPidLong()).ifPresent(p -> {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      });
    }
  }

  @Override
  public String toString() {
    return "COMMAND (docker exec " + container + ") " + command;
  }
}
