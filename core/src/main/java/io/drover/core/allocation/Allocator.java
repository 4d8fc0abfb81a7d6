package io.drover.core.allocation;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Filters;
import io.drover.core.Resources;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which framework is offered which agent's free resources. The master tells it facts; it
 * answers only through the {@link OfferCallback} given to {@link #initialize}.
 *
 * <p>Implementations are single-threaded and do no I/O: the master serialises every call onto one
 * thread, and time comes from the clock in {@link AllocatorOptions}.
 */
public interface Allocator {
  void initialize(AllocatorOptions options, OfferCallback offerCallback);

  /** A framework subscribed (or re-subscribed) holding {@code used} resources on agents. */
  void addFramework(FrameworkId frameworkId, FrameworkInfo info, Map<AgentId, Resources> used, boolean active);

  void removeFramework(FrameworkId frameworkId);

  /** A framework that was disconnected is back; it can receive offers again. */
  void activateFramework(FrameworkId frameworkId);

  /** A framework disconnected; it keeps its resources but gets no offers. */
  void deactivateFramework(FrameworkId frameworkId);

  /** An agent joined with {@code total} resources, of which {@code used} are held by frameworks. */
  void addAgent(AgentId agentId, AgentInfo info, Resources total, Map<FrameworkId, Resources> used);

  void removeAgent(AgentId agentId);

  /** An agent became unreachable: its resources are not offered until it is activated again. */
  void deactivateAgent(AgentId agentId);

  void activateAgent(AgentId agentId);

  /**
   * Resources held by a framework on an agent come back: an offer declined or rescinded, the unused
   * part of an accepted offer, or the resources of a task that ended. With {@code filters}, the framework
   * is not offered them again before the filter's refuse period ends.
   */
  void recoverResources(FrameworkId frameworkId, AgentId agentId, Resources resources, Optional<Filters> filters);

  /** Stop offering to these roles of the framework (all of its roles if empty). */
  void suppressOffers(FrameworkId frameworkId, Set<String> roles);

  /** Resume offers to these roles of the framework (all if empty) and clear its decline filters. */
  void reviveOffers(FrameworkId frameworkId, Set<String> roles);

  /** A role's weight: with weight 2 a role's fair share is twice that of a role with weight 1. */
  void updateWeight(String role, double weight);

  /** Runs one allocation now, offering what is free to whoever should have it. */
  void allocate();

  /** What the allocator knows, for the operator API and metrics. */
  AllocatorSnapshot snapshot();
}
