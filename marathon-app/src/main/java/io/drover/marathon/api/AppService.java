package io.drover.marathon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.AppValidator;
import io.drover.marathon.app.AppView;
import io.drover.marathon.app.DeploymentRef;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What {@code /v2/apps} does, over the {@link DeploymentManager} (wanted state and deployments) and an
 * {@link AppStatusSource} (instance counts, tasks, failures).
 */
public final class AppService {
  private final DeploymentManager manager;
  private final AppStatusSource status;

  public AppService(DeploymentManager manager, AppStatusSource status) {
    this.manager = manager;
    this.status = status;
  }

  /** Filters of {@code GET /v2/apps}: {@code id} and {@code cmd} are substrings, {@code label} a selector; null means any. */
  record AppFilter(String id, String cmd, String label) {
    Predicate<AppDefinition> predicate() {
      Predicate<AppDefinition> predicate = app -> true;
      if (id != null && !id.isEmpty()) {
        predicate = predicate.and(app -> app.id().toString().contains(id));
      }
      if (cmd != null && !cmd.isEmpty()) {
        predicate = predicate.and(app -> app.cmd() != null && app.cmd().contains(cmd));
      }
      if (label != null && !label.isEmpty()) {
        LabelSelector selector = LabelSelector.parse(label);
        predicate = predicate.and(app -> selector.test(app.labels()));
      }
      return predicate;
    }
  }

  List<AppView> list(AppFilter filter, Set<AppEmbed> embed) {
    RootGroup root = manager.root();
    Predicate<AppDefinition> predicate = filter.predicate();
    List<AppView> views = new ArrayList<>();
    for (AppDefinition app : root.apps()) {
      if (predicate.test(app)) {
        views.add(view(app, embed));
      }
    }
    return views;
  }

  /** The app as currently wanted, if it exists. */
  Optional<AppDefinition> current(PathId id) {
    return manager.root().app(id);
  }

  AppView get(PathId id) {
    return view(existing(id), AppEmbed.ALL);
  }

  AppView view(AppDefinition app, Set<AppEmbed> embed) {
    AppView view = AppView.of(app);
    if (embed.contains(AppEmbed.COUNTS)) {
      view = view.withCounts(status.counts(app.id()));
    }
    if (embed.contains(AppEmbed.DEPLOYMENTS)) {
      view = view.withDeployments(manager.deploymentsOf(app.id()).stream().map(DeploymentRef::new).toList());
    }
    if (embed.contains(AppEmbed.TASKS)) {
      view = view.withTasks(status.tasks(app.id()));
    }
    if (embed.contains(AppEmbed.LAST_TASK_FAILURE)) {
      view = view.withLastTaskFailure(status.lastTaskFailure(app.id()).orElse(null));
    }
    return view;
  }

  private AppDefinition existing(PathId id) {
    return manager.root().app(id).orElseThrow(() -> ApiException.unknownApp(id));
  }

  /** {@code POST /v2/apps}: a new app; 409 if its id is taken. Returns the app as stored and the plan. */
  Created create(JsonNode body, boolean force) {
    AppDefinition requested = JsonBodies.convert(body, AppDefinition.class);
    validate(requested);
    PathId id = requested.id().canonical(PathId.ROOT);
    DeploymentPlan plan =
        manager.deploy(DeploymentManager.Change.of(root -> {
          if (root.app(id).isPresent()) {
            throw ApiException.withMessage(409, "An app with id [" + id + "] already exists.");
          }
          if (root.groupExists(id)) {
            throw ApiException.withMessage(409, "A group with id [" + id + "] already exists.");
          }
          return root.putApp(requested.withId(id));
        }, force));
    AppView view = view(manager.root().app(id).orElseThrow(), Set.of(AppEmbed.COUNTS))
        .withDeployments(plan.isEmpty() ? List.of() : List.of(new DeploymentRef(plan.id())));
    return new Created(view, plan);
  }

  record Created(AppView app, DeploymentPlan plan) {}

  /** A change to one app and whether it created the app. */
  record Updated(DeploymentPlan plan, boolean created) {}

  /**
   * {@code PUT} ({@code partial} false: the body replaces the definition; the app is created if new)
   * or {@code PATCH} ({@code partial} true: the body's fields replace those of the current definition).
   * A body with only {@code version} (and {@code id}) puts that stored version back.
   */
  Updated update(PathId id, JsonNode body, boolean partial, boolean force) {
    boolean exists = manager.root().app(id).isPresent();
    if (partial && !exists) {
      throw ApiException.unknownApp(id);
    }
    AppDefinition app = resolveUpdate(id, body, partial);
    // A stored version put back keeps its configuration version: instances still running it stay.
    Set<PathId> restore = body.isObject() && isVersionOnly(body) ? Set.of(id) : Set.of();
    DeploymentPlan plan = manager.deploy(new DeploymentManager.Change(root -> root.putApp(app), Set.of(), force, restore));
    return new Updated(plan, !exists);
  }

  /** {@code PUT}/{@code PATCH /v2/apps}: several apps, each with its {@code id}, in one deployment. */
  DeploymentPlan updateMany(JsonNode body, boolean partial, boolean force) {
    if (!body.isArray()) {
      throw ApiException.invalidJson("/", "error.expected.jsarray");
    }
    List<AppDefinition> apps = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode update = body.get(i);
      if (!update.hasNonNull("id")) {
        violations.add(new Violation("/(" + i + ")/id", "error.path.missing"));
        continue;
      }
      PathId id = PathId.parse(update.get("id").asText()).canonical(PathId.ROOT);
      if (partial && manager.root().app(id).isEmpty()) {
        throw ApiException.unknownApp(id);
      }
      try {
        apps.add(resolveUpdate(id, update, partial));
      } catch (ValidationException e) {
        String prefix = "/(" + i + ")";
        e.violations().forEach(v -> violations.add(new Violation(v.path().equals("/") ? prefix : prefix + v.path(), v.message())));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return manager.deploy(DeploymentManager.Change.of(root -> {
      RootGroup updated = root;
      for (AppDefinition app : apps) {
        updated = updated.putApp(app);
      }
      return updated;
    }, force));
  }

  private AppDefinition resolveUpdate(PathId id, JsonNode body, boolean partial) {
    if (!body.isObject()) {
      throw ApiException.invalidJson("/", "error.expected.jsobject");
    }
    if (isVersionOnly(body)) {
      Instant version = parseVersion(body.get("version").asText());
      return manager.appVersion(id, version)
          .orElseThrow(() -> ApiException.withMessage(404, "Version '" + body.get("version").asText() + "' of app '" + id + "' does not exist"));
    }
    JsonNode definition = body;
    if (partial) {
      ObjectNode merged = MarathonJson.mapper().valueToTree(existing(id));
      body.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
      definition = merged;
    }
    ObjectNode withId = ((ObjectNode) definition).deepCopy();
    withId.put("id", id.toString());
    AppDefinition app = JsonBodies.convert(withId, AppDefinition.class);
    validate(app);
    return app;
  }

  private static boolean isVersionOnly(JsonNode body) {
    if (!body.hasNonNull("version")) {
      return false;
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("version") && !name.equals("id")) {
        return false;
      }
    }
    return true;
  }

  static Instant parseVersion(String text) {
    try {
      return MarathonJson.parseTimestamp(text);
    } catch (DateTimeParseException e) {
      throw ApiException.withMessage(404, "Version '" + text + "' is not a Marathon version (an ISO-8601 timestamp)");
    }
  }

  DeploymentPlan delete(PathId id, boolean force) {
    existing(id);
    return manager.deploy(DeploymentManager.Change.of(removing(id), force));
  }

  private static UnaryOperator<RootGroup> removing(PathId id) {
    return root -> {
      if (root.app(id).isEmpty()) {
        throw ApiException.unknownApp(id);
      }
      return root.removeApp(id);
    };
  }

  DeploymentPlan restart(PathId id, boolean force) {
    existing(id);
    return manager.deploy(new DeploymentManager.Change(root -> root, Set.of(id), force));
  }

  List<TaskView> tasks(PathId id) {
    existing(id);
    return status.tasks(id);
  }

  List<Instant> versions(PathId id) {
    existing(id);
    return manager.appVersions(id);
  }

  AppDefinition version(PathId id, String version) {
    existing(id);
    return manager.appVersion(id, parseVersion(version))
        .orElseThrow(() -> ApiException.withMessage(404, "Version '" + version + "' of app '" + id + "' does not exist"));
  }

  private static void validate(AppDefinition app) {
    List<Violation> violations = AppValidator.validate(app);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
