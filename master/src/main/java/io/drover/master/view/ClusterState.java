package io.drover.master.view;

import io.drover.core.MasterInfo;
import java.util.List;
import java.util.Map;

/** What {@code GET /state} shows: the leader's view of the cluster. */
public record ClusterState(
    MasterInfo leader, boolean isLeader, List<AgentView> agents, List<FrameworkView> frameworks, Counts counts) {

  /**
   * One agent. {@code url} is where its HTTP API (sandbox files, {@code /state}) answers: the address its
   * connection comes from and the port it announced, as Mesos's agent pid; null while it is not connected.
   */
  public record AgentView(
      String id,
      String hostname,
      int port,
      String url,
      boolean active,
      String status,
      ResourceUse resources,
      Map<String, String> attributes,
      List<String> capabilities) {}

  /** Resources in their JSON form: scalars as numbers, ranges as text such as [31000-32000], sets as lists. */
  public record ResourceUse(Map<String, Object> total, Map<String, Object> used, Map<String, Object> offered) {}

  public record FrameworkView(
      String id, String name, List<String> roles, boolean active, String status, double dominantShare, List<TaskView> tasks) {}

  public record TaskView(String id, String name, String state, String agentId, Map<String, Object> resources) {}

  public record Counts(
      int agents, int activeAgents, int frameworks, int activeFrameworks, int tasks, int offers, Map<String, Integer> tasksByState) {}
}
