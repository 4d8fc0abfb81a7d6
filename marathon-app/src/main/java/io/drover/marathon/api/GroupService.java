package io.drover.marathon.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.GroupValidator;
import io.drover.marathon.group.RootGroup;
import java.util.List;

/** What {@code /v2/groups} does, over the {@link DeploymentManager}. */
public final class GroupService {
  private final DeploymentManager manager;

  public GroupService(DeploymentManager manager) {
    this.manager = manager;
  }

  Group get(PathId id) {
    RootGroup root = manager.root();
    if (!root.groupExists(id)) {
      throw ApiException.unknownGroup(id);
    }
    return root.toGroup(id);
  }

  /** A change to a group and the group's id. */
  record Changed(PathId id, DeploymentPlan plan) {}

  /** {@code POST /v2/groups[/{parent}]}: a new group with its apps; 409 if it exists. */
  Changed create(PathId parent, JsonNode body, boolean force) {
    Group group = JsonBodies.convert(requireObject(body), Group.class);
    PathId id = group.id().canonical(parent);
    if (id.isRoot()) {
      throw new ValidationException(List.of(new Violation("/id", "Path must contain at least one path element")));
    }
    validate(group, id);
    DeploymentPlan plan =
        manager.deploy(DeploymentManager.Change.of(root -> {
          if (root.groupExists(id) || root.app(id).isPresent()) {
            throw ApiException.withMessage(409, "Group " + id + " is already created. Use PUT to change this group.");
          }
          return root.putGroup(new Group(id, group.apps(), group.groups(), group.dependencies(), null), root.version());
        }, force));
    return new Changed(id, plan);
  }

  /**
   * {@code PUT /v2/groups/{id}}: {@code scaleBy} multiplies every instance count in the group (rounded
   * up); otherwise the fields given replace the group's ({@code apps} and {@code groups} replace every
   * app and subgroup, so those left out are removed) and the others stay. Creates the group if new.
   */
  Changed update(PathId id, JsonNode body, boolean force) {
    requireObject(body);
    if (body.has("scaleBy")) {
      JsonNode factor = body.get("scaleBy");
      if (!factor.isNumber() || factor.asDouble() < 0) {
        throw ApiException.invalidJson("/scaleBy", "error.expected.jsnumber");
      }
      return new Changed(id, manager.deploy(DeploymentManager.Change.of(root -> scaled(root, id, factor.asDouble()), force)));
    }
    Group update = JsonBodies.convert(body, Group.class);
    validate(update, id);
    DeploymentPlan plan =
        manager.deploy(DeploymentManager.Change.of(root -> {
          Group current = root.groupExists(id) ? root.toGroup(id) : new Group(id, List.of(), List.of(), List.of(), null);
          Group merged =
              new Group(
                  id,
                  body.has("apps") ? update.apps() : current.apps(),
                  body.has("groups") ? update.groups() : current.groups(),
                  body.has("dependencies") ? update.dependencies() : current.dependencies(),
                  null);
          return root.putGroup(merged, root.version());
        }, force));
    return new Changed(id, plan);
  }

  private static RootGroup scaled(RootGroup root, PathId id, double factor) {
    if (!root.groupExists(id)) {
      throw ApiException.unknownGroup(id);
    }
    RootGroup scaled = root;
    for (AppDefinition app : root.appsWithin(id)) {
      scaled = scaled.putApp(app.withInstances((int) Math.ceil(app.instances() * factor)));
    }
    return scaled;
  }

  Changed delete(PathId id, boolean force) {
    DeploymentPlan plan =
        manager.deploy(DeploymentManager.Change.of(root -> {
          if (!root.groupExists(id)) {
            throw ApiException.unknownGroup(id);
          }
          return root.removeGroup(id);
        }, force));
    return new Changed(id, plan);
  }

  private static JsonNode requireObject(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.invalidJson("/", "error.expected.jsobject");
    }
    return body;
  }

  private static void validate(Group group, PathId id) {
    List<Violation> violations = GroupValidator.validate(group, id);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
