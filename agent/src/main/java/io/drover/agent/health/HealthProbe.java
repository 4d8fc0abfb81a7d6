package io.drover.agent.health;

import java.time.Duration;

/** Looks at a task once. Blocks for at most about {@code timeout}; a probe that takes longer fails. */
public interface HealthProbe {
  ProbeResult probe(Duration timeout);
}
