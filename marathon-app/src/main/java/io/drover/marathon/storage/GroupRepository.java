package io.drover.marathon.storage;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.group.GroupInfo;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The root group in ZooKeeper: one node per app version ({@code apps/<id>/<version>}) under a node
 * naming the current version ({@code apps/<id>}), one node per group with dependencies, and the root's
 * version. Keeps the newest {@value #MAX_VERSIONS} versions of each app.
 */
public final class GroupRepository {
  static final int MAX_VERSIONS = 50;

  private final ZooKeeperStateStore store;
  private final MarathonPaths paths;

  public GroupRepository(ZooKeeperStateStore store) {
    this.store = store;
    this.paths = store.paths();
  }

  /** What the current version pointer of an app holds. */
  record CurrentVersion(Instant current) {}

  /** What the root node holds. */
  record RootVersion(Instant version) {}

  public RootGroup load() {
    TreeMap<PathId, AppDefinition> apps = new TreeMap<>();
    for (String node : store.children(paths.apps())) {
      PathId id = MarathonPaths.decode(node);
      Optional<CurrentVersion> current = store.read(paths.apps() + "/" + node, CurrentVersion.class);
      if (current.isEmpty() || current.get().current() == null) {
        continue;
      }
      AppDefinition app =
          version(id, current.get().current())
              .orElseThrow(() -> new StorageException("app " + id + " names version " + current.get().current() + ", which is missing", null));
      apps.put(id, app);
    }
    TreeMap<PathId, GroupInfo> groups = new TreeMap<>();
    for (String node : store.children(paths.groups())) {
      store.read(paths.groups() + "/" + node, GroupInfo.class).ifPresent(info -> groups.put(info.id(), info));
    }
    Instant version = store.read(paths.rootGroup(), RootVersion.class).map(RootVersion::version).orElse(Instant.EPOCH);
    return new RootGroup(apps, groups, version);
  }

  /** The stored versions of an app, newest first; none for an unknown app. */
  public List<Instant> versions(PathId appId) {
    List<Instant> versions = new ArrayList<>();
    for (String node : store.children(paths.app(appId))) {
      try {
        versions.add(MarathonJson.parseTimestamp(node));
      } catch (DateTimeParseException e) {
        throw new StorageException(paths.app(appId) + "/" + node + " is not a version", e);
      }
    }
    versions.sort(Comparator.reverseOrder());
    return versions;
  }

  public Optional<AppDefinition> version(PathId appId, Instant version) {
    return store.read(paths.appVersion(appId, version), AppDefinition.class);
  }

  /**
   * Adds to {@code transaction} what turns the stored {@code before} into {@code after}: new app
   * versions and pointers, removed apps with their history, changed groups, the root version. Every
   * app in {@code after} must carry a version.
   */
  public void stageChange(StateTransaction transaction, RootGroup before, RootGroup after) {
    for (AppDefinition app : after.apps()) {
      AppDefinition previous = before.appsById().get(app.id());
      if (app.equals(previous)) {
        continue;
      }
      Instant version = Objects.requireNonNull(app.version(), () -> "app " + app.id() + " has no version to store");
      transaction.put(paths.app(app.id()), new CurrentVersion(version));
      transaction.put(paths.appVersion(app.id(), version), app);
      List<Instant> versions = versions(app.id());
      if (!versions.contains(version)) {
        versions.add(0, version);
      }
      versions.stream().skip(MAX_VERSIONS).forEach(old -> transaction.remove(paths.appVersion(app.id(), old)));
    }
    for (PathId removed : before.appsById().keySet()) {
      if (!after.appsById().containsKey(removed)) {
        transaction.removeTree(paths.app(removed));
      }
    }
    for (Map.Entry<PathId, GroupInfo> group : after.groupsById().entrySet()) {
      if (!group.getValue().equals(before.groupsById().get(group.getKey()))) {
        transaction.put(paths.group(group.getKey()), group.getValue());
      }
    }
    for (PathId removed : before.groupsById().keySet()) {
      if (!after.groupsById().containsKey(removed)) {
        transaction.remove(paths.group(removed));
      }
    }
    if (!after.version().equals(before.version())) {
      transaction.put(paths.rootGroup(), new RootVersion(after.version()));
    }
  }
}
