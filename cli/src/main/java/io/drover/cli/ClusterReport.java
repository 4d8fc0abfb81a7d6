package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The leading master's {@code /state} as people read it: leader, agents, frameworks. Pure. */
final class ClusterReport {
  private ClusterReport() {}

  static String render(JsonNode state) {
    StringBuilder out = new StringBuilder();
    JsonNode leader = state.path("leader");
    JsonNode counts = state.path("counts");
    out.append("leader: ")
        .append(Json.text(leader, "id", "?"))
        .append(" at ")
        .append(Json.text(leader, "host", "?"))
        .append(':')
        .append(Json.text(leader, "httpPort", "?"))
        .append(" (epoch ")
        .append(Json.text(leader, "epoch", "?"))
        .append(", version ")
        .append(Json.text(leader, "version", "?"))
        .append(")\n");
    out.append(counts.path("activeAgents").asInt()).append(" of ").append(counts.path("agents").asInt()).append(" agents active, ")
        .append(counts.path("activeFrameworks").asInt()).append(" of ").append(counts.path("frameworks").asInt()).append(" frameworks active, ")
        .append(counts.path("tasks").asInt()).append(" tasks, ").append(counts.path("offers").asInt()).append(" offers\n\n");

    Table agents = new Table("AGENT", "HOSTNAME", "STATUS", "CPUS", "MEM", "DISK", "PORTS", "ATTRIBUTES");
    for (JsonNode agent : state.path("agents")) {
      JsonNode total = agent.path("resources").path("total");
      JsonNode used = agent.path("resources").path("used");
      agents.row(
          Json.text(agent, "id", "?"),
          Json.text(agent, "hostname", "?"),
          Json.text(agent, "status", agent.path("active").asBoolean() ? "active" : "inactive"),
          scalar(used, total, "cpus"),
          scalar(used, total, "mem"),
          scalar(used, total, "disk"),
          Json.text(used, "ports", "[]") + " of " + Json.text(total, "ports", "[]"),
          attributes(agent.path("attributes")));
    }
    out.append(agents.isEmpty() ? "no agents\n" : agents.render()).append('\n');

    Table frameworks = new Table("FRAMEWORK", "NAME", "ROLES", "STATUS", "DOMINANT SHARE", "TASKS");
    for (JsonNode framework : state.path("frameworks")) {
      frameworks.row(
          Json.text(framework, "id", "?"),
          Json.text(framework, "name", "?"),
          Json.elements(framework.path("roles")).stream().map(JsonNode::asText).collect(Collectors.joining(",")),
          Json.text(framework, "status", framework.path("active").asBoolean() ? "active" : "inactive"),
          String.format("%.1f%%", framework.path("dominantShare").asDouble() * 100),
          framework.path("tasks").size());
    }
    out.append(frameworks.isEmpty() ? "no frameworks\n" : frameworks.render());
    return out.toString();
  }

  /** {@code used/total} of one scalar resource, e.g. {@code 0.5/2}. */
  static String scalar(JsonNode used, JsonNode total, String name) {
    JsonNode usedValue = used.path(name).isNumber() ? used.path(name) : Json.MAPPER.getNodeFactory().numberNode(0);
    return AppListing.number(usedValue) + "/" + AppListing.number(total.path(name));
  }

  private static String attributes(JsonNode attributes) {
    List<String> pairs = new ArrayList<>();
    attributes.fields().forEachRemaining(attribute -> pairs.add(attribute.getKey() + "=" + attribute.getValue().asText()));
    return pairs.isEmpty() ? "-" : String.join(",", pairs);
  }
}
