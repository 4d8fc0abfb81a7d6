package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover app ...}: marathon-app's apps. */
@Command(
    name = "app",
    mixinStandardHelpOptions = true,
    description = "Lists, shows and changes marathon-app's apps. Changes follow their deployment with a progress bar until it succeeds (exit 0) or fails (exit 1).",
    subcommands = {
      AppCommand.ListApps.class,
      AppCommand.Show.class,
      AppCommand.Deploy.class,
      AppCommand.Scale.class,
      AppCommand.Restart.class,
      AppCommand.Rollback.class,
      AppCommand.Destroy.class
    })
public final class AppCommand {
  private static final String EXIT_CODES = "%nExit codes: 0 success, 1 failure (API error, deployment failed, marathon-app unreachable), 2 usage.";

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the apps: status, instances running/wanted, healthy, resources.")
  static final class ListApps extends ApiCommand {
    @Option(names = "--json", description = "Print the API's JSON (GET /v2/apps).")
    boolean json;

    @Override
    public Integer call() {
      return print(client().get("/v2/apps"), json, AppListing::table);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one app: its fields, last failure and tasks.")
  static final class Show extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The app's id, e.g. /web.")
    String id;

    @Option(names = "--json", description = "Print the API's JSON (GET /v2/apps/ID).")
    boolean json;

    @Override
    public Integer call() {
      return print(client().get("/v2/apps" + MarathonClient.appPath(id)), json, AppListing::details);
    }
  }

  @Command(
      name = "deploy",
      mixinStandardHelpOptions = true,
      description = {
        "Creates the app of a JSON file, or replaces its definition if it exists (PUT /v2/apps/ID), and follows the deployment.",
        "A missing or unreadable file, invalid JSON, or a definition without \"id\" is a usage error (exit 2) and nothing is sent."
      },
      footer = EXIT_CODES)
  static final class Deploy extends ApiCommand {
    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The app definition (Marathon's app JSON).")
    Path file;

    @Mixin DeploymentOptions deployment;

    @Override
    public Integer call() {
      JsonNode app = AppFile.read(file);
      String id = app.get("id").asText();
      return deployment.start(this, List.of(absolute(id)), () -> client().put("/v2/apps" + MarathonClient.appPath(id) + deployment.forceQuery(), app));
    }
  }

  @Command(name = "scale", mixinStandardHelpOptions = true, description = "Sets how many instances the app wants (PATCH) and follows the deployment.", footer = EXIT_CODES)
  static final class Scale extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The app's id.")
    String id;

    @Parameters(index = "1", paramLabel = "N", description = "Instances wanted (0 suspends the app).")
    int instances;

    @Mixin DeploymentOptions deployment;

    @Override
    public Integer call() {
      if (instances < 0) {
        throw CliFailure.usage("N must be 0 or more, not " + instances);
      }
      ObjectNode body = Json.MAPPER.createObjectNode().put("instances", instances);
      return deployment.start(this, List.of(absolute(id)), () -> client().patch("/v2/apps" + MarathonClient.appPath(id) + deployment.forceQuery(), body));
    }
  }

  @Command(name = "restart", mixinStandardHelpOptions = true, description = "Replaces every instance of the app (rolling, by its upgrade strategy) and follows the deployment.", footer = EXIT_CODES)
  static final class Restart extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The app's id.")
    String id;

    @Mixin DeploymentOptions deployment;

    @Override
    public Integer call() {
      return deployment.start(this, List.of(absolute(id)), () -> client().post("/v2/apps" + MarathonClient.appPath(id) + "/restart" + deployment.forceQuery(), null));
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Puts a stored version of the app back (without --version: the one before the current) and follows the deployment.",
      footer = EXIT_CODES)
  static final class Rollback extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The app's id.")
    String id;

    @Option(names = "--version", paramLabel = "V", description = "The version to put back, as listed by GET /v2/apps/ID/versions.")
    String version;

    @Mixin DeploymentOptions deployment;

    @Override
    public Integer call() {
      String path = "/v2/apps" + MarathonClient.appPath(id);
      String target = version != null ? version : previousVersion(client().get(path).path("app"), client().get(path + "/versions"));
      ObjectNode body = Json.MAPPER.createObjectNode().put("version", target);
      out().println("rolling " + absolute(id) + " back to version " + target);
      return deployment.start(this, List.of(absolute(id)), () -> client().put(path + deployment.forceQuery(), body));
    }
  }

  @Command(name = "destroy", mixinStandardHelpOptions = true, description = "Removes the app and kills its instances, following the deployment.", footer = EXIT_CODES)
  static final class Destroy extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The app's id.")
    String id;

    @Mixin DeploymentOptions deployment;

    @Override
    public Integer call() {
      return deployment.start(this, List.of(absolute(id)), () -> client().delete("/v2/apps" + MarathonClient.appPath(id) + deployment.forceQuery()));
    }
  }

  /**
   * The newest stored version older than the app's current one, from {@code GET /v2/apps/ID/versions};
   * a failure when there is none.
   */
  static String previousVersion(JsonNode app, JsonNode versions) {
    Optional<Instant> current = Json.instant(app.path("version"));
    if (current.isEmpty()) {
      throw CliFailure.failed("app " + Json.text(app, "id", "?") + " has no version to roll back from");
    }
    return Json.elements(versions.path("versions")).stream()
        .filter(v -> Json.instant(v).map(instant -> instant.isBefore(current.get())).orElse(false))
        .max(Comparator.comparing(v -> Json.instant(v).orElseThrow()))
        .map(JsonNode::asText)
        .orElseThrow(() -> CliFailure.failed("app " + Json.text(app, "id", "?") + " has no version before " + app.path("version").asText() + " to roll back to"));
  }

  static String absolute(String id) {
    return id.startsWith("/") ? id : "/" + id;
  }
}
