package io.drover.marathon.instance;

/** What a status update does to an instance, decided by {@link InstanceTransitions}. */
public sealed interface InstanceUpdate {
  /** The instance goes on, changed. */
  record Changed(Instance next) implements InstanceUpdate {}

  /** The instance ended; {@code last} is how it ended, and it is then forgotten. */
  record Ended(Instance last) implements InstanceUpdate {}

  /** Nothing to record, and why (a repeat, or a state that cannot follow the current one). */
  record Unchanged(String why) implements InstanceUpdate {}
}
