package io.drover.marathon.scheduling;

import io.drover.core.TaskInfo;
import io.drover.marathon.instance.Instance;

/** An instance to launch and the task that runs it. */
public record PlannedInstance(Instance instance, TaskInfo task) {}
