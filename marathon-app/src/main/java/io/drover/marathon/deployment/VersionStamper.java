package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.VersionInfo;
import io.drover.marathon.group.GroupInfo;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gives the apps and groups of a wanted root group their versions, as Marathon does: unchanged ones keep theirs;
 * changed apps get {@code version}; {@code versionInfo.lastConfigChangeAt} moves only when something
 * other than {@code instances} changed, or when a restart was asked for; an app restored to an earlier
 * definition (a rollback) takes back that definition's {@code lastConfigChangeAt}. Pure.
 */
public final class VersionStamper {
  private VersionStamper() {}

  public static RootGroup stamp(RootGroup current, RootGroup wanted, Instant version, Set<PathId> restart, Set<PathId> restore) {
    TreeMap<PathId, GroupInfo> groups = new TreeMap<>();
    for (GroupInfo group : wanted.groupsById().values()) {
      GroupInfo before = current.groupsById().get(group.id());
      boolean unchanged = before != null && before.dependencies().equals(group.dependencies());
      groups.put(group.id(), unchanged ? before : new GroupInfo(group.id(), group.dependencies(), version));
    }
    RootGroup stamped = new RootGroup(wanted.appsById(), groups, version);
    for (AppDefinition app : wanted.apps()) {
      AppDefinition before = current.appsById().get(app.id());
      stamped = stamped.putApp(stampApp(before, app, version, restart.contains(app.id()), restore.contains(app.id())));
    }
    return stamped;
  }

  private static AppDefinition stampApp(AppDefinition before, AppDefinition after, Instant version, boolean restart, boolean restore) {
    if (restore && !restart && after.versionInfo() != null && after.versionInfo().lastConfigChangeAt() != null) {
      return after.withVersion(version, new VersionInfo(version, after.versionInfo().lastConfigChangeAt()));
    }
    if (before == null) {
      return after.withVersion(version, new VersionInfo(version, version));
    }
    boolean sameConfig = configOf(before).equals(configOf(after));
    if (sameConfig && !restart) {
      if (before.instances().equals(after.instances())) {
        return before;
      }
      Instant configChange = before.versionInfo() == null ? version : before.versionInfo().lastConfigChangeAt();
      return after.withVersion(version, new VersionInfo(version, configChange));
    }
    return after.withVersion(version, new VersionInfo(version, version));
  }

  private static AppDefinition configOf(AppDefinition app) {
    return app.toBuilder().instances(0).version(null).versionInfo(null).build();
  }
}
