package io.drover.agent.containerizer;

import java.util.OptionalInt;

/**
 * How a container ended. {@code exitStatus} is the task's exit status when it is known (a shell-style
 * status: 128+n for a death by signal n); {@code killed} says the agent had been asked to kill it;
 * {@code detail} explains an end without a known exit status.
 */
public record Termination(OptionalInt exitStatus, boolean killed, String detail) {
  public Termination {
    detail = detail == null ? "" : detail;
  }

  public static Termination exited(int status, boolean killed) {
    return new Termination(OptionalInt.of(status), killed, "");
  }

  public static Termination withoutStatus(String detail, boolean killed) {
    return new Termination(OptionalInt.empty(), killed, detail);
  }
}
