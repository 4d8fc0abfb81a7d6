package io.drover.marathon.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What {@code embed} adds to apps: on {@code GET /v2/apps} (counts and deployments always, as in Marathon) and in groups. */
enum AppEmbed {
  COUNTS,
  DEPLOYMENTS,
  TASKS,
  LAST_TASK_FAILURE;

  static final Set<AppEmbed> ALL = EnumSet.allOf(AppEmbed.class);

  /** The embeds of {@code GET /v2/apps}: those named (see {@link #resolve}) plus counts and deployments. */
  static Set<AppEmbed> parse(List<String> values) {
    Set<AppEmbed> embed = EnumSet.of(COUNTS, DEPLOYMENTS);
    for (String value : values) {
      for (String part : value.split(",")) {
        embed.addAll(resolve(part.trim()));
      }
    }
    return embed;
  }

  /**
   * Marathon's meaning of one app embed, {@code apps.} or {@code app.} then {@code tasks} (with counts),
   * {@code failures} (tasks, counts and the last failure), {@code counts}, {@code deployments} or {@code
   * lastTaskFailure}; others ({@code readiness}, {@code taskStats}) add nothing.
   */
  static Set<AppEmbed> resolve(String name) {
    return switch (name.replaceFirst("^apps?\\.", "")) {
      case "tasks" -> EnumSet.of(TASKS, COUNTS);
      case "failures" -> EnumSet.of(TASKS, LAST_TASK_FAILURE, COUNTS);
      case "counts" -> EnumSet.of(COUNTS);
      case "deployments" -> EnumSet.of(DEPLOYMENTS);
      case "lastTaskFailure" -> EnumSet.of(LAST_TASK_FAILURE);
      default -> EnumSet.noneOf(AppEmbed.class);
    };
  }
}
