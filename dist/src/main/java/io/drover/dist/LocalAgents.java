package io.drover.dist;

import io.drover.agent.resources.ResourceDetection;
import io.drover.core.InvalidValueException;
import io.drover.core.Ranges;
import io.drover.core.Resources;

/**
 * How the agents of {@code drover local} differ though they share one machine: each has a host name of its
 * own that resolves to this machine ({@code 127.0.0.N}: loopback answers on all of 127/8), so that per-host
 * placement behaves as across machines while task addresses stay reachable; and each has its own slice of
 * the ports, so that tasks on different agents are never given the same host port.
 */
final class LocalAgents {
  private LocalAgents() {}

  /** The host name of agent {@code agent} (1-based). */
  static String hostname(int agent) {
    return "127.0.0." + agent;
  }

  /**
   * The resources agent {@code agent} of {@code agents} (1-based) announces instead of detected ones:
   * {@code given} (from {@code --agent-resources}, possibly empty) with the {@code agent}-th slice of its
   * ports, or of the default ports when it names none.
   */
  static Resources resources(Resources given, int agent, int agents) {
    Ranges ports = given.ports().isEmpty() ? ResourceDetection.DEFAULT_PORTS : given.ports();
    long each = ports.size() / agents;
    if (each == 0) {
      throw new InvalidValueException("--agent-resources: " + agents + " agents cannot each get a share of the ports " + ports);
    }
    Ranges after = ports.minus(ports.first(each * (agent - 1)));
    Ranges slice = agent == agents ? after : after.first(each);
    Resources withoutPorts = given.minus(Resources.builder().ranges(Resources.PORTS, given.ports()).build());
    return Resources.builder().add(withoutPorts).ranges(Resources.PORTS, slice).build();
  }
}
