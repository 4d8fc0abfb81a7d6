package io.drover.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Where a deployment stands: its current step (from 1) of all, and that step's apps. */
record DeploymentProgress(String deploymentId, int currentStep, int totalSteps, List<AppProgress> apps) {
  private static final int BAR_WIDTH = 24;

  DeploymentProgress {
    apps = List.copyOf(apps);
  }

  /** The whole deployment's share done: finished steps plus the current step's average app fraction. */
  double fraction() {
    if (totalSteps <= 0) {
      return 1;
    }
    double step = apps.isEmpty() ? 0 : apps.stream().mapToDouble(AppProgress::fraction).average().orElse(0);
    double done = Math.max(0, currentStep - 1) + step;
    return Math.min(1, done / totalSteps);
  }

  /** The progress bar line, e.g. {@code [############------------]  50%  step 1/1  /web 1/2 healthy}. */
  String render() {
    int filled = (int) Math.round(fraction() * BAR_WIDTH);
    String bar = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    String percent = String.format("%3d%%", Math.round(fraction() * 100));
    String appText = apps.stream().map(AppProgress::describe).collect(Collectors.joining(", "));
    return bar + " " + percent + "  step " + currentStep + "/" + totalSteps + (appText.isEmpty() ? "" : "  " + appText);
  }
}
