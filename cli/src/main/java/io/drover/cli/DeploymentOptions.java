package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * What every command that starts a deployment shares: {@code --no-wait} and {@code --force}, and following
 * the deployment it started to its end with a progress bar.
 */
final class DeploymentOptions {
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  static final Duration ATTACH_WITHIN = Duration.ofSeconds(5);
  /** How long a deployment gone from the list may take to send its verdict event. */
  static final Duration VERDICT_GRACE = Duration.ofSeconds(3);

  @Option(names = "--no-wait", description = "Return as soon as the deployment started, without following it.")
  boolean noWait;

  @Option(names = "--force", description = "Go ahead even if a deployment of the same app is under way (it is cancelled).")
  boolean force;

  /** {@code ?force=true} when asked for, to append to the change's path. */
  String forceQuery() {
    return force ? "?force=true" : "";
  }

  /**
   * Makes the change, which answers {@code {deploymentId, version}}, and follows the deployment unless
   * {@code --no-wait}; a failed deployment is a {@link CliFailure}.
   */
  int start(ApiCommand command, List<String> appIds, Supplier<JsonNode> change) {
    if (noWait) {
      started(command.out(), change.get());
      return 0;
    }
    try (EventStream events = EventStream.open(command.client(), DeploymentOutcome.WATCHED_EVENTS, ATTACH_WITHIN)) {
      String id = started(command.out(), change.get());
      return follow(command, id, appIds, events);
    }
  }

  /** Follows deployment {@code id} on {@code events} to its end: 0 when it succeeded, else a failure. */
  static int follow(ApiCommand command, String id, List<String> appIds, EventStream events) {
    if (!events.isOpen()) {
      command.err().println("drover: live events unavailable (" + events.failure() + "); polling every " + POLL_INTERVAL.toSeconds() + " s");
      command.err().flush();
    }
    ProgressDisplay display = ProgressDisplay.of(command.out(), System.console() != null);
    long start = System.nanoTime();
    DeploymentOutcome outcome;
    try {
      outcome = new DeploymentWatcher(command.client(), display, POLL_INTERVAL, VERDICT_GRACE).watch(id, appIds, events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.failed("interrupted while following deployment " + id + "; it goes on (drover deployment watch " + id + ")");
    }
    if (!outcome.succeeded()) {
      throw CliFailure.failed("deployment " + id + " failed: " + outcome.reason());
    }
    command.out().printf("deployment %s succeeded in %.1f s%n", id, (System.nanoTime() - start) / 1e9);
    command.out().flush();
    return 0;
  }

  private static String started(PrintWriter out, JsonNode answer) {
    String id = Json.text(answer, "deploymentId", "");
    out.println("deployment " + id + " started (version " + Json.text(answer, "version", "?") + ")");
    out.flush();
    return id;
  }
}
