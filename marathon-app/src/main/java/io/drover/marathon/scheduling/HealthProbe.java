package io.drover.marathon.scheduling;

import io.drover.core.HealthCheck;
import java.util.Optional;

/** Probes one port of a task once, for a check marathon-app runs itself; empty when healthy, else why not. */
interface HealthProbe {
  Optional<String> probe(HealthCheck check, String host, int port);
}
