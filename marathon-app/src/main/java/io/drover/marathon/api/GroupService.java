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
import io.drover.marathon.app.AppView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code /v2/groups} does, over the {@link DeploymentManager}, with apps shown as {@link AppService} shows them. */
public final class GroupService {
  private final DeploymentManager manager;
  private final AppService apps;

  public GroupService(DeploymentManager manager, AppService apps) {
    this.manager = manager;
    this.apps = apps;
  }

  GroupView get(PathId id, GroupEmbed embed) {
    RootGroup root = manager.root();
    if (!root.groupExists(id)) {
      throw ApiException.unknownGroup(id);
    }
    return view(root.toGroup(id), embed);
  }

  private GroupView view(Group group, GroupEmbed embed) {
    return new GroupView(
        group.id(),
        embed.apps() ? group.apps().stream().map(app -> apps.view(app, embed.appEmbed())).toList() : null,
        embed.groups() ? group.groups().stream().map(child -> view(child, embed)).toList() : null,
        embed.pods() ? List.of() : null,
        group.dependencies(),
        group.version());
  }

  /** {@code GET /v2/groups/{id}/apps}: every app at or below the group. */
  List<AppView> appsWithin(PathId id, Set<AppEmbed> embed) {
    RootGroup root = manager.root();
    if (!root.groupExists(id)) {
      throw ApiException.unknownGroup(id);
    }
    return root.appsWithin(id).stream().map(app -> apps.view(app, embed)).toList();
  }

  /** {@code GET /v2/groups/{id}/versions}: the kept root versions that held the group, newest first. */
  List<Instant> versions(PathId id) {
    if (!manager.root().groupExists(id)) {
      throw ApiException.unknownGroup(id);
    }
    return manager.groupVersions(id);
  }

  /** {@code GET /v2/groups/{id}/versions/{version}}: the group as it was then, apps as their definitions of then. */
  GroupView version(PathId id, String version, GroupEmbed embed) {
    return view(stored(id, version), embed.withoutAppEmbed());
  }

  private Group stored(PathId id, String version) {
    return manager.groupAt(id, AppService.parseVersion(version))
        .orElseThrow(() -> ApiException.withMessage(404, "Group '" + id + "' does not exist in version '" + version + "'"));
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
   * up); {@code version} puts the group back as it was in that root version (the rest of the body is
   * ignored, as in Marathon); otherwise the fields given replace the group's ({@code apps} and {@code groups} replace every
   * app and subgroup, so those left out are removed) and the others stay. Creates the group if new.
   */
  Changed update(PathId id, JsonNode body, boolean force) {
    requireObject(body);
    if (body.has("version")) {
      return rollback(id, body.get("version"), force);
    }
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

  /**
   * Replaces the group with its stored {@code version}, as one deployment. Apps that differ from now
   * are restored (keep that version's configuration version, so instances still running it stay).
   */
  private Changed rollback(PathId id, JsonNode version, boolean force) {
    if (!version.isTextual()) {
      throw ApiException.invalidJson("/version", "error.expected.jsstring");
    }
    Group old = stored(id, version.asText());
    RootGroup current = manager.root();
    Set<PathId> restore =
        RootGroup.empty().putGroup(old, old.version()).apps().stream()
            .filter(app -> !current.app(app.id()).map(app::equals).orElse(false))
            .map(AppDefinition::id)
            .collect(Collectors.toSet());
    DeploymentPlan plan = manager.deploy(new DeploymentManager.Change(root -> root.putGroup(old, root.version()), Set.of(), force, restore));
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
