package io.drover.master.term;

import io.drover.core.Resources;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.master.task.TrackedTask;
import io.drover.master.view.ClusterState;
import io.drover.master.view.ResourcesJson;
import io.drover.protocol.net.Connection;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the operator API's {@link ClusterState} from a term's state; costs the size of the cluster, so only on demand. */
final class StateReport {
  private StateReport() {}

  static ClusterState of(TermContext term, AllocatorSnapshot shares) {
    List<ClusterState.AgentView> agentViews = new ArrayList<>();
    for (Agent agent : term.agents.all()) {
      Resources used = Resources.EMPTY;
      for (Resources r : term.tasks.usedOn(agent.id()).values()) {
        used = used.plus(r);
      }
      agentViews.add(
          new ClusterState.AgentView(
              agent.id().value(),
              agent.info().hostname(),
              agent.info().port(),
              httpUrl(agent),
              agent.status() == Agent.Status.ACTIVE,
              agent.status().name(),
              new ClusterState.ResourceUse(
                  ResourcesJson.of(agent.info().resources()), ResourcesJson.of(used), ResourcesJson.of(term.offers.offeredOn(agent.id()))),
              agent.info().attributes().values(),
              agent.info().capabilities().stream().sorted().toList()));
    }
    agentViews.sort(Comparator.comparing(ClusterState.AgentView::id));
    List<ClusterState.FrameworkView> frameworkViews = new ArrayList<>();
    for (Framework framework : term.frameworks.all()) {
      List<ClusterState.TaskView> taskViews = new ArrayList<>();
      for (TrackedTask task : term.tasks.ofFramework(framework.id())) {
        taskViews.add(
            new ClusterState.TaskView(task.id().value(), task.info().name(), task.state().name(), task.agentId().value(), ResourcesJson.of(task.info().resources())));
      }
      frameworkViews.add(
          new ClusterState.FrameworkView(
              framework.id().value(),
              framework.info().name(),
              framework.info().roles().stream().sorted().toList(),
              framework.status() == Framework.Status.ACTIVE,
              framework.status().name(),
              shares.frameworkDominantShares().getOrDefault(framework.id(), 0.0),
              taskViews));
    }
    frameworkViews.sort(Comparator.comparing(ClusterState.FrameworkView::id));
    Map<String, Integer> byState = new TreeMap<>();
    term.tasks.counts().forEach((state, n) -> {
      if (n > 0) {
        byState.put(state.name(), n);
      }
    });
    ClusterState.Counts counts =
        new ClusterState.Counts(
            term.agents.size(),
            term.agents.count(Agent.Status.ACTIVE),
            frameworkViews.size(),
            term.frameworks.count(Framework.Status.ACTIVE),
            term.tasks.size(),
            term.offers.size(),
            byState);
    return new ClusterState(term.self, true, agentViews, frameworkViews, counts);
  }

  private static String httpUrl(Agent agent) {
    return agent.connection().flatMap(Connection::remoteHost).map(host -> {
      String literal = host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
      return "http://" + literal + ":" + agent.info().port();
    }).orElse(null);
  }
}
