package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import io.drover.marathon.group.RootGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service ports, as Marathon gives them: a service port (a {@code portDefinitions} entry's {@code port},
 * a port mapping's {@code servicePort}) left at 0 gets a port of the range that no app uses; an app
 * that had ports assigned gets them back first, so its service ports stay the same across versions;
 * an explicit service port must not be one another app uses. Only apps that a change adds or changes
 * get ports. Pure.
 */
public final class ServicePorts {
  private ServicePorts() {}

  /**
   * The explicit service ports of the apps that {@code wanted} adds or changes that another app of it
   * also uses, in Marathon's words (an app compared with itself never conflicts).
   */
  public static List<Violation> conflicts(RootGroup current, RootGroup wanted) {
    List<Violation> violations = new ArrayList<>();
    for (AppDefinition app : wanted.apps()) {
      if (app.equals(current.appsById().get(app.id()))) {
        continue;
      }
      Set<Integer> requested = new HashSet<>(app.servicePorts());
      requested.remove(0);
      for (AppDefinition other : wanted.apps()) {
        if (other.id().equals(app.id())) {
          continue;
        }
        for (int port : other.servicePorts()) {
          if (requested.contains(port)) {
            violations.add(new Violation("/", "Requested service port " + port + " conflicts with a service port in app " + other.id()));
          }
        }
      }
    }
    return violations;
  }

  /**
   * {@code wanted} with every service port 0 replaced; throws a {@link ValidationException} when the
   * range has no port left.
   */
  public static RootGroup assign(RootGroup current, RootGroup wanted, ServicePortRange range) {
    Set<Integer> taken = new HashSet<>();
    current.apps().forEach(app -> taken.addAll(app.servicePorts()));
    wanted.apps().forEach(app -> taken.addAll(app.servicePorts()));
    Map<Integer, PathId> explicit = new HashMap<>();
    wanted.apps().forEach(app -> app.servicePorts().stream().filter(port -> port != 0).forEach(port -> explicit.put(port, app.id())));
    RootGroup assigned = wanted;
    int next = range.min();
    for (Map.Entry<PathId, AppDefinition> entry : wanted.appsById().entrySet()) {
      AppDefinition app = entry.getValue();
      // apps the change leaves alone stay as stored (no restart of apps stored before ports were assigned)
      if (!app.servicePorts().contains(0) || app.equals(current.appsById().get(app.id()))) {
        continue;
      }
      // its former ports that it no longer names explicitly come back first
      Deque<Integer> former = new ArrayDeque<>();
      AppDefinition before = current.appsById().get(app.id());
      if (before != null) {
        before.servicePorts().stream()
            .filter(port -> range.contains(port) && !app.servicePorts().contains(port) && !explicit.containsKey(port))
            .forEach(former::add);
      }
      List<Integer> ports = new ArrayList<>();
      for (int port : app.servicePorts()) {
        if (port != 0) {
          ports.add(port);
        } else if (!former.isEmpty()) {
          ports.add(former.poll());
        } else {
          while (next < range.max() && taken.contains(next)) {
            next++;
          }
          if (next >= range.max()) {
            throw new ValidationException(List.of(new Violation("/", "All service ports in " + range.min() + "-" + range.max() + " are taken")));
          }
          taken.add(next);
          ports.add(next);
        }
      }
      assigned = assigned.putApp(app.withServicePorts(ports));
    }
    return assigned;
  }
}
