package io.drover.master.task;

import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;

/** A task an agent says it has, when it re-registers. */
public record ReportedTask(FrameworkId frameworkId, TaskInfo info, TaskState state) {}
