package io.drover.agent.task;

import io.drover.agent.containerizer.ContainerId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import java.util.Optional;

/**
 * A task as the agent reports it: to the master when it (re-)registers and in {@code /state}. {@code
 * state} is that of its latest update (TASK_STAGING before the first); {@code sandbox} is the run's
 * {@code latest} directory once it has one; {@code containerId} names its run once it has one.
 */
public record TaskView(FrameworkId frameworkId, TaskInfo task, TaskState state, Optional<String> sandbox, Optional<ContainerId> containerId) {}
