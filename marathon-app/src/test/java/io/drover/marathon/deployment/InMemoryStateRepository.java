package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A state repository in memory, for tests of the deployment logic without ZooKeeper. */
public final class InMemoryStateRepository implements StateRepository {
  private RootGroup root = RootGroup.empty();
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  private final Map<PathId, TreeMap<Instant, AppDefinition>> versions = new HashMap<>();
  private final TreeMap<Instant, RootGroup> roots = new TreeMap<>();

  @Override
  public synchronized RootGroup loadRootGroup() {
    return root;
  }

  @Override
  public synchronized List<Deployment> loadDeployments() {
    return new ArrayList<>(deployments.values());
  }

  @Override
  public synchronized void write(RootGroup before, RootGroup after, List<Deployment> put, List<String> remove) {
    root = after;
    roots.put(after.version(), after);
    for (AppDefinition app : after.apps()) {
      versions.computeIfAbsent(app.id(), id -> new TreeMap<>()).put(app.version(), app);
    }
    versions.keySet().removeIf(id -> after.app(id).isEmpty());
    put.forEach(d -> deployments.put(d.id(), d));
    remove.forEach(deployments::remove);
  }

  @Override
  public synchronized List<Instant> appVersions(PathId appId) {
    return versions.getOrDefault(appId, new TreeMap<>()).keySet().stream().sorted(Comparator.reverseOrder()).toList();
  }

  @Override
  public synchronized Optional<AppDefinition> appVersion(PathId appId, Instant version) {
    return Optional.ofNullable(versions.getOrDefault(appId, new TreeMap<>()).get(version));
  }

  @Override
  public synchronized List<Instant> groupVersions(PathId groupId) {
    return roots.descendingMap().values().stream().filter(r -> r.groupExists(groupId)).map(RootGroup::version).toList();
  }

  @Override
  public synchronized Optional<Group> groupAt(PathId groupId, Instant version) {
    return Optional.ofNullable(roots.get(version)).filter(r -> r.groupExists(groupId)).map(r -> r.toGroup(groupId));
  }
}
