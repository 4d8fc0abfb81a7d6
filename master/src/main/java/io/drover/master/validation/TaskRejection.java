package io.drover.master.validation;

import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;

/** A task of an Accept that will not be launched, with the update the framework gets about it. */
public record TaskRejection(TaskId taskId, TaskState state, TaskStatusReason reason, String message) {}
