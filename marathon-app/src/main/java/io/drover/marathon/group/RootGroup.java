package io.drover.marathon.group;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole wanted state: every app by its absolute id, plus the groups that carry dependencies or were
 * created explicitly (groups that merely contain apps exist implicitly). Immutable; every change
 * returns a new root. App ids held here are always absolute.
 */
public record RootGroup(NavigableMap<PathId, AppDefinition> appsById, NavigableMap<PathId, GroupInfo> groupsById, Instant version) {
  public RootGroup {
    appsById = Collections.unmodifiableNavigableMap(new TreeMap<>(appsById));
    groupsById = Collections.unmodifiableNavigableMap(new TreeMap<>(groupsById));
  }

  public static RootGroup empty() {
    return new RootGroup(new TreeMap<>(), new TreeMap<>(), Instant.EPOCH);
  }

  public Optional<AppDefinition> app(PathId id) {
    return Optional.ofNullable(appsById.get(id));
  }

  public Collection<AppDefinition> apps() {
    return appsById.values();
  }

  /** The apps at or below {@code group}, in id order. */
  public List<AppDefinition> appsWithin(PathId group) {
    return appsById.values().stream().filter(app -> app.id().isWithin(group) && !app.id().equals(group)).toList();
  }

  /** True for the root, explicitly created groups, and groups implied by the apps below them. */
  public boolean groupExists(PathId id) {
    return groupExists(id, groupsById.keySet(), appsById.keySet());
  }

  /** {@link #groupExists} for a root group known only by the ids of its explicit groups and its apps. */
  public static boolean groupExists(PathId id, Collection<PathId> groupIds, Collection<PathId> appIds) {
    return id.isRoot()
        || groupIds.stream().anyMatch(group -> group.isWithin(id))
        || appIds.stream().anyMatch(app -> app.isWithin(id) && !app.equals(id));
  }

  public RootGroup withVersion(Instant newVersion) {
    return new RootGroup(appsById, groupsById, newVersion);
  }

  /** Adds or replaces an app, which must have an absolute id. */
  public RootGroup putApp(AppDefinition app) {
    requireAbsolute(app.id());
    TreeMap<PathId, AppDefinition> apps = new TreeMap<>(appsById);
    apps.put(app.id(), app);
    return new RootGroup(apps, groupsById, version);
  }

  public RootGroup removeApp(PathId id) {
    TreeMap<PathId, AppDefinition> apps = new TreeMap<>(appsById);
    apps.remove(id);
    return new RootGroup(apps, groupsById, version);
  }

  /**
   * Replaces everything at and below {@code group.id()} with the given group (Marathon's group PUT):
   * apps and subgroups left out are removed. Relative ids inside are resolved against their enclosing
   * group; apps and groups get {@code version} where they carry none.
   */
  public RootGroup putGroup(Group group, Instant newVersion) {
    PathId base = group.id().canonical(PathId.ROOT);
    RootGroup without = removeGroup(base);
    TreeMap<PathId, AppDefinition> apps = new TreeMap<>(without.appsById);
    TreeMap<PathId, GroupInfo> groups = new TreeMap<>(without.groupsById);
    addGroup(group, base, apps, groups, newVersion);
    return new RootGroup(apps, groups, version);
  }

  private static void addGroup(
      Group group, PathId id, Map<PathId, AppDefinition> apps, Map<PathId, GroupInfo> groups, Instant newVersion) {
    if (!id.isRoot()) {
      List<PathId> dependencies = group.dependencies().stream().map(d -> d.canonical(id)).toList();
      groups.put(id, new GroupInfo(id, dependencies, group.version() == null ? newVersion : group.version()));
    }
    for (AppDefinition app : group.apps()) {
      PathId appId = app.id().canonical(id);
      List<PathId> dependencies = app.dependencies().stream().map(d -> d.canonical(id)).toList();
      apps.put(appId, app.toBuilder().id(appId).dependencies(dependencies).build());
    }
    for (Group child : group.groups()) {
      addGroup(child, child.id().canonical(id), apps, groups, newVersion);
    }
  }

  /** Removes a group with everything in it; removing the root empties the tree. */
  public RootGroup removeGroup(PathId id) {
    TreeMap<PathId, AppDefinition> apps = new TreeMap<>(appsById);
    apps.keySet().removeIf(appId -> appId.isWithin(id));
    TreeMap<PathId, GroupInfo> groups = new TreeMap<>(groupsById);
    groups.keySet().removeIf(groupId -> groupId.isWithin(id));
    return new RootGroup(apps, groups, version);
  }

  /** The group at {@code id} as a tree in Marathon's JSON shape (the root if {@code id} is the root). */
  public Group toGroup(PathId id) {
    GroupInfo info = groupsById.get(id);
    List<AppDefinition> apps = appsById.values().stream().filter(app -> app.id().parent().equals(id)).toList();
    Set<PathId> childIds = new TreeSet<>();
    for (PathId member : appsById.keySet()) {
      childGroupOf(id, member).ifPresent(childIds::add);
    }
    for (PathId member : groupsById.keySet()) {
      if (member.isWithin(id) && !member.equals(id)) {
        childIds.add(new PathId(member.segments().subList(0, id.segments().size() + 1), true));
      }
    }
    List<Group> children = childIds.stream().map(this::toGroup).toList();
    List<PathId> dependencies = info == null ? List.of() : info.dependencies();
    Instant groupVersion = info == null || id.isRoot() ? version : info.version();
    return new Group(id, apps, children, dependencies, groupVersion);
  }

  private static Optional<PathId> childGroupOf(PathId group, PathId appId) {
    int depth = group.segments().size();
    if (appId.isWithin(group) && appId.segments().size() > depth + 1) {
      return Optional.of(new PathId(appId.segments().subList(0, depth + 1), true));
    }
    return Optional.empty();
  }

  /**
   * The apps {@code appId} depends on: its own dependencies and those of every group enclosing it, a
   * dependency on a group meaning every app in that group. Unknown ids are ignored.
   */
  public Set<PathId> dependenciesOf(PathId appId) {
    AppDefinition app = appsById.get(appId);
    if (app == null) {
      return Set.of();
    }
    List<PathId> declared = new ArrayList<>(app.dependencies());
    for (PathId group = appId.parent(); ; group = group.parent()) {
      GroupInfo info = groupsById.get(group);
      if (info != null) {
        declared.addAll(info.dependencies());
      }
      if (group.isRoot()) {
        break;
      }
    }
    Set<PathId> result = new TreeSet<>();
    for (PathId dependency : declared) {
      if (appsById.containsKey(dependency)) {
        result.add(dependency);
      } else {
        appsWithin(dependency).forEach(dependent -> result.add(dependent.id()));
      }
    }
    result.remove(appId);
    return result;
  }

  /** A dependency cycle among the apps, as the ids along it (first repeated last), if there is one. */
  public Optional<List<PathId>> dependencyCycle() {
    Map<PathId, Integer> state = new HashMap<>();
    for (PathId start : appsById.keySet()) {
      Optional<List<PathId>> cycle = findCycle(start, state, new ArrayDeque<>());
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private static final int VISITING = 1;
  private static final int DONE = 2;

  private Optional<List<PathId>> findCycle(PathId node, Map<PathId, Integer> state, Deque<PathId> path) {
    Integer seen = state.get(node);
    if (seen != null && seen == DONE) {
      return Optional.empty();
    }
    if (seen != null) {
      List<PathId> cycle = new ArrayList<>();
      boolean inCycle = false;
      for (PathId step : (Iterable<PathId>) path::descendingIterator) {
        inCycle |= step.equals(node);
        if (inCycle) {
          cycle.add(step);
        }
      }
      cycle.add(node);
      return Optional.of(cycle);
    }
    state.put(node, VISITING);
    path.push(node);
    for (PathId dependency : dependenciesOf(node)) {
      Optional<List<PathId>> cycle = findCycle(dependency, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.pop();
    state.put(node, DONE);
    return Optional.empty();
  }

  /** Every app's id with the ids of apps it (transitively) depends on resolved to a depth: 0 = none. */
  public Map<PathId, Integer> dependencyDepths() {
    Map<PathId, Integer> depths = new HashMap<>();
    for (PathId id : appsById.keySet()) {
      depth(id, depths, new LinkedHashSet<>());
    }
    return depths;
  }

  private int depth(PathId id, Map<PathId, Integer> depths, Set<PathId> visiting) {
    Integer known = depths.get(id);
    if (known != null) {
      return known;
    }
    if (!visiting.add(id)) {
      throw new IllegalStateException("dependency cycle through " + id);
    }
    int depth = 0;
    for (PathId dependency : dependenciesOf(id)) {
      depth = Math.max(depth, depth(dependency, depths, visiting) + 1);
    }
    visiting.remove(id);
    depths.put(id, depth);
    return depth;
  }

  private static void requireAbsolute(PathId id) {
    if (!id.absolute() || id.isRoot()) {
      throw new IllegalArgumentException("app ids in the root group must be absolute and not the root: " + id);
    }
  }
}
