package io.drover.marathon.group;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.AppValidator;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Marathon's rules for a group definition and for the root group a change would produce. Pure. */
public final class GroupValidator {
  private GroupValidator() {}

  /** Validates {@code group} placed at {@code id} (its own id resolved against its parent). */
  public static List<Violation> validate(Group group, PathId id) {
    List<Violation> violations = new ArrayList<>();
    validate(group, id, "", violations);
    return violations;
  }

  private static void validate(Group group, PathId id, String prefix, List<Violation> violations) {
    violations.addAll(AppValidator.validatePathId(group.id(), prefix + "/id"));
    for (int i = 0; i < group.dependencies().size(); i++) {
      violations.addAll(AppValidator.validatePathId(group.dependencies().get(i), prefix + "/dependencies(" + i + ")"));
    }
    for (int i = 0; i < group.apps().size(); i++) {
      AppDefinition app = group.apps().get(i);
      String appPath = prefix + "/apps(" + i + ")";
      violations.addAll(AppValidator.validate(app, appPath));
      if (!app.id().isRoot() && !app.id().canonical(id).parent().equals(id)) {
        violations.add(new Violation(appPath + "/id", "Identifier is not child of '" + id + "'"));
      }
    }
    for (int i = 0; i < group.groups().size(); i++) {
      Group child = group.groups().get(i);
      PathId childId = child.id().canonical(id);
      String childPath = prefix + "/groups(" + i + ")";
      if (!child.id().isRoot() && !childId.parent().equals(id)) {
        violations.add(new Violation(childPath + "/id", "Identifier is not child of '" + id + "'"));
      }
      validate(child, childId, childPath, violations);
    }
  }

  /** Rules for the whole tree: dependencies must not form a cycle, and no id may name an app and a group at once. */
  public static List<Violation> validateRoot(RootGroup root) {
    List<Violation> violations = new ArrayList<>();
    root.dependencyCycle()
        .ifPresent(cycle -> violations.add(new Violation(
            "/", "Dependency graph has cyclic dependencies: "
                + cycle.stream().map(PathId::toString).collect(Collectors.joining(" -> ")))));
    for (PathId appId : root.appsById().keySet()) {
      if (root.groupsById().containsKey(appId) || !root.appsWithin(appId).isEmpty()) {
        violations.add(new Violation("/id", "An app and a group cannot have the same id: " + appId));
      }
    }
    return violations;
  }
}
