package io.drover.agent.http;

import com.codahale.metrics.health.HealthCheck;
import io.drover.agent.sandbox.SandboxFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** Healthy while the agent can create sandboxes: the sandbox root (or the work dir holding it) is writable. */
final class SandboxesHealthCheck extends HealthCheck {
  private final SandboxFiles files;

  SandboxesHealthCheck(SandboxFiles files) {
    this.files = files;
  }

  @Override
  protected Result check() {
    Path root = files.root();
    Path existing = Files.exists(root) ? root : root.getParent();
    return Files.isDirectory(existing) && Files.isWritable(existing) ? Result.healthy() : Result.unhealthy(existing + " is not a writable directory");
  }
}
