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
 *
 * <p>Every version of the root group is kept too, the newest {@value #MAX_ROOT_VERSIONS}, one node each
 * ({@code root-versions/<version>}) holding only references: each app's id and version, and the groups.
 * So a root version stays small (about 60 bytes per app) and the app versions it names must outlive it:
 * a root version names at most one version of an app per root change, so with no more root versions
 * kept than app versions, the versions it names are always among the app's newest {@value
 * #MAX_VERSIONS}; and a deleted app keeps its history (its pointer names no current version, a
 * {@code deleted-apps/<id>@<version>} marker says when it went) until no kept root version is older
 * than its deletion.
 */
public final class GroupRepository {
  static final int MAX_VERSIONS = 50;
  static final int MAX_ROOT_VERSIONS = MAX_VERSIONS;

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

  /** One app of a stored root version. */
  record AppRef(PathId id, Instant version) {}

  /** What a stored root version holds: its apps by reference, and its groups. */
  record StoredRoot(Instant version, List<AppRef> apps, List<GroupInfo> groups) {
    static StoredRoot of(RootGroup root) {
      return new StoredRoot(
          root.version(),
          root.apps().stream().map(app -> new AppRef(app.id(), Objects.requireNonNull(app.version(), () -> "app " + app.id() + " has no version"))).toList(),
          List.copyOf(root.groupsById().values()));
    }

    boolean holdsGroup(PathId id) {
      return RootGroup.groupExists(id, groups.stream().map(GroupInfo::id).toList(), apps.stream().map(AppRef::id).toList());
    }
  }

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

  /** The stored versions of the root group, newest first. */
  public List<Instant> rootVersions() {
    List<Instant> versions = new ArrayList<>();
    for (String node : store.children(paths.rootVersions())) {
      versions.add(MarathonJson.parseTimestamp(node));
    }
    versions.sort(Comparator.reverseOrder());
    return versions;
  }

  /** The stored root versions in which the group {@code id} existed, newest first. */
  public List<Instant> groupVersions(PathId id) {
    List<Instant> versions = new ArrayList<>();
    for (Instant version : rootVersions()) {
      store.read(paths.rootVersion(version), StoredRoot.class).filter(root -> root.holdsGroup(id)).ifPresent(root -> versions.add(version));
    }
    return versions;
  }

  /**
   * The root group as it was at {@code version}, with only the apps at or below {@code scope} read (all
   * its groups); empty if that version is not kept or the group {@code scope} did not exist in it.
   */
  public Optional<RootGroup> rootAt(Instant version, PathId scope) {
    Optional<StoredRoot> stored = store.read(paths.rootVersion(version), StoredRoot.class);
    if (stored.isEmpty() || !stored.get().holdsGroup(scope)) {
      return Optional.empty();
    }
    TreeMap<PathId, AppDefinition> apps = new TreeMap<>();
    for (AppRef ref : stored.get().apps()) {
      if (ref.id().isWithin(scope)) {
        AppDefinition app =
            version(ref.id(), ref.version())
                .orElseThrow(() -> new StorageException("root version " + version + " names version " + ref.version() + " of app " + ref.id() + ", which is missing", null));
        apps.put(ref.id(), app);
      }
    }
    TreeMap<PathId, GroupInfo> groups = new TreeMap<>();
    stored.get().groups().forEach(group -> groups.put(group.id(), group));
    return Optional.of(new RootGroup(apps, groups, version));
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
    List<String> deletedMarkers = store.children(paths.deletedApps());
    for (AppDefinition app : after.apps()) {
      if (!before.appsById().containsKey(app.id())) {
        markersOf(app.id(), deletedMarkers).forEach(marker -> transaction.remove(paths.deletedApps() + "/" + marker));
      }
    }
    for (PathId removed : before.appsById().keySet()) {
      if (!after.appsById().containsKey(removed)) {
        // the history stays while older root versions name it (see the class comment)
        transaction.put(paths.app(removed), new CurrentVersion(null));
        transaction.put(paths.deletedApp(removed, after.version()), new DeletedApp(removed, after.version()));
        transaction.remove(paths.taskFailure(removed));
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
      transaction.put(paths.rootVersion(after.version()), StoredRoot.of(after));
      pruneRootVersions(transaction, after, deletedMarkers);
    }
  }

  /** What a deleted-app marker holds (its name says the same, for listing without reading). */
  record DeletedApp(PathId id, Instant deletedAt) {}

  private static List<String> markersOf(PathId id, List<String> markers) {
    String prefix = MarathonPaths.encode(id) + MarathonPaths.DELETED_AT;
    return markers.stream().filter(marker -> marker.startsWith(prefix)).toList();
  }

  /** Drops the root versions beyond the newest {@value #MAX_ROOT_VERSIONS}, and the deleted apps none of the rest names. */
  private void pruneRootVersions(StateTransaction transaction, RootGroup after, List<String> deletedMarkers) {
    List<Instant> versions = rootVersions();
    if (!versions.contains(after.version())) {
      versions.add(after.version());
      versions.sort(Comparator.reverseOrder());
    }
    if (versions.size() <= MAX_ROOT_VERSIONS) {
      return;
    }
    versions.stream().skip(MAX_ROOT_VERSIONS).forEach(old -> transaction.remove(paths.rootVersion(old)));
    Instant oldestKept = versions.get(MAX_ROOT_VERSIONS - 1);
    for (String marker : deletedMarkers) {
      int at = marker.lastIndexOf(MarathonPaths.DELETED_AT);
      PathId id = MarathonPaths.decode(marker.substring(0, at));
      Instant deletedAt = MarathonJson.parseTimestamp(marker.substring(at + 1));
      // the root version that deleted the app does not hold it, nor does any later one
      if (!deletedAt.isAfter(oldestKept) && !after.appsById().containsKey(id)) {
        transaction.removeTree(paths.app(id));
        transaction.remove(paths.deletedApps() + "/" + marker);
      }
    }
  }
}
