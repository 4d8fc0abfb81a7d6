package io.drover.agent.http;

import io.drover.agent.AgentState;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.task.TaskView;
import io.drover.core.MasterInfo;
import io.drover.core.Resources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /state}: the agent's id, host, resources (and those its unfinished tasks use), attributes,
 * master, frameworks, tasks and completed tasks (with their sandbox {@code directory}), with what each running task's container uses now (CPU seconds so far,
 * resident memory, processes), measured when asked.
 */
@Path("/state")
public final class StateResource {
  private final Supplier<AgentState> state;
  private final Function<ContainerId, Optional<ResourceUsage>> usage;

  public StateResource(Supplier<AgentState> state, Function<ContainerId, Optional<ResourceUsage>> usage) {
    this.state = state;
    this.usage = usage;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get() {
    AgentState s = state.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", s.id().map(Object::toString).orElse(null));
    out.put("hostname", s.info().hostname());
    out.put("port", s.info().port());
    out.put("registered", s.registered());
    out.put("master", s.master().map(StateResource::master).orElse(null));
    out.put("resources", resources(s.info().resources()));
    Resources used = Resources.EMPTY;
    for (TaskView t : s.tasks()) {
      if (!t.state().isTerminal()) {
        used = used.plus(t.task().resources());
      }
    }
    out.put("usedResources", resources(used));
    out.put("attributes", s.info().attributes().values());
    out.put("capabilities", s.info().capabilities().stream().sorted().toList());
    out.put("frameworks", s.frameworks().stream().map(f -> Map.of("id", f.id().map(Object::toString).orElse(""), "name", f.name())).toList());
    out.put("tasks", s.tasks().stream().map(this::task).toList());
    out.put("completedTasks", s.completedTasks().stream().map(this::task).toList());
    return out;
  }

  private static Map<String, Object> master(MasterInfo m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("host", m.host());
    out.put("protocolPort", m.protocolPort());
    out.put("httpPort", m.httpPort());
    return out;
  }

  private Map<String, Object> task(TaskView t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.task().id().value());
    out.put("name", t.task().name());
    out.put("frameworkId", t.frameworkId().value());
    out.put("state", t.state().name());
    out.put("resources", resources(t.task().resources()));
    out.put("directory", t.sandbox().orElse(null));
    Optional<ResourceUsage> used = t.state().isTerminal() ? Optional.empty() : t.containerId().flatMap(usage);
    out.put("usage", used.map(StateResource::usage).orElse(null));
    return out;
  }

  private static Map<String, Object> usage(ResourceUsage u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpuSeconds", u.cpuSeconds());
    out.put("residentBytes", u.residentBytes());
    out.put("processes", u.processes());
    return out;
  }

  /** Scalars as numbers, ranges in their text form ({@code [31000-32000]}), sets as lists. */
  static Map<String, Object> resources(Resources r) {
    Map<String, Object> out = new LinkedHashMap<>();
    r.scalarNames().forEach(n -> out.put(n, r.scalar(n)));
    r.rangeNames().forEach(n -> out.put(n, r.ranges(n).toString()));
    r.setNames().forEach(n -> out.put(n, List.copyOf(r.set(n))));
    return out;
  }
}
