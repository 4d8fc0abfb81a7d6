package io.drover.core;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a framework says of itself when it subscribes. A framework without an id is new; with one it
 * re-subscribes and keeps its tasks if it is back within {@link #failoverTimeout}.
 */
public record FrameworkInfo(
    Optional<FrameworkId> id,
    String name,
    Set<String> roles,
    Duration failoverTimeout,
    boolean checkpoint,
    String principal,
    String hostname) {
  public static final Duration DEFAULT_FAILOVER_TIMEOUT = Duration.ofDays(7);
  public static final String DEFAULT_ROLE = "*";

  public FrameworkInfo {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("framework name must not be blank");
    }
    roles = Set.copyOf(new TreeSet<>(roles == null || roles.isEmpty() ? Set.of(DEFAULT_ROLE) : roles));
    for (String role : roles) {
      Roles.requireValid(role);
    }
    if (failoverTimeout == null || failoverTimeout.isNegative()) {
      throw new InvalidValueException("failoverTimeout must be >= 0");
    }
    principal = principal == null ? "" : principal;
    hostname = hostname == null ? "" : hostname;
  }

  public static FrameworkInfo named(String name, String... roles) {
    return new FrameworkInfo(Optional.empty(), name, Set.of(roles), DEFAULT_FAILOVER_TIMEOUT, true, "", "");
  }

  public FrameworkInfo withId(FrameworkId frameworkId) {
    return new FrameworkInfo(Optional.of(frameworkId), name, roles, failoverTimeout, checkpoint, principal, hostname);
  }

  public FrameworkInfo withFailoverTimeout(Duration timeout) {
    return new FrameworkInfo(id, name, roles, timeout, checkpoint, principal, hostname);
  }
}
