package io.drover.marathon.instance;

/**
 * Hears every change of every instance, in order, once it is stored. Called on the thread that made
 * the change, usually the scheduler's: return promptly and hand longer work to an executor of your own.
 */
@FunctionalInterface
public interface InstanceListener {
  void instanceChanged(InstanceChange change);
}
