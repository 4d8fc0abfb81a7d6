package io.drover.master.reconciliation;

import io.drover.core.AgentId;
import io.drover.core.TaskId;
import java.util.Optional;

/** One task a framework asks about in an explicit reconciliation, with the agent it believes runs it. */
public record TaskQuery(TaskId taskId, Optional<AgentId> agentId) {}
