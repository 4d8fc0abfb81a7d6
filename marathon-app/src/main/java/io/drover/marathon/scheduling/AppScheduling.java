package io.drover.marathon.scheduling;

import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceListener;
import io.drover.marathon.instance.KillMode;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * What deployments and the REST API ask of the scheduler. Targets are per app version: a rolling
 * upgrade raises the new version's target and lowers the old one's. Targets live in memory only; after
 * a start or a leader change they are set again (from the stored apps and deployments), while the
 * instances themselves are reloaded and left alone until a target says otherwise.
 */
public interface AppScheduling {
  /** For global apps: no limit on the number of agents covered. */
  int EVERY_AGENT = Integer.MAX_VALUE;

  /** The scheduler leads: its instances are loaded and it takes targets. Calls below need it. */
  boolean isActive();

  /**
   * Keeps {@code target} instances of {@code spec}'s app version: launches the missing ones (subject to
   * the backoff) and kills the surplus, chosen by the app's kill selection. Instances that end are
   * replaced. 0 stops the version. For a global app, {@code target} caps how many agents it covers.
   */
  void scale(RunSpec spec, int target);

  /** Kills every instance of the app and forgets its targets and queue entries (the app is deleted). */
  void removeApp(String appId);

  /** Kills instances; {@code mode} says whether and when each is replaced. */
  void kill(Collection<InstanceId> instanceIds, KillMode mode);

  /**
   * Drops the targets of the app's versions other than {@code keepVersion}: their instances stay until
   * killed, but are no longer replaced (the start of a rolling upgrade).
   */
  void retireOtherVersions(String appId, String keepVersion);

  /** How many instances of the app version wait to be launched. */
  int waitingToLaunch(String appId, String version);

  /** Lets launches of the app go ahead now, whatever its backoff said. */
  void resetDelay(String appId);

  /** The current target of an app version, if it has one. */
  OptionalInt target(String appId, String version);

  List<Instance> instances(String appId);

  /** Hears every instance change once it is stored (launches, status changes, kills asked, ends). */
  void addInstanceListener(InstanceListener listener);
}
