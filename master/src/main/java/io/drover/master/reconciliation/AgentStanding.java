package io.drover.master.reconciliation;

/** What the leading master knows of an agent, as far as reconciliation cares. */
public enum AgentStanding {
  /** Registered with this leader (connected, or disconnected but not yet unreachable). */
  REGISTERED,
  /** Admitted before a failover, not yet re-registered, and still inside the re-registration window. */
  RECOVERING,
  UNREACHABLE,
  UNKNOWN
}
