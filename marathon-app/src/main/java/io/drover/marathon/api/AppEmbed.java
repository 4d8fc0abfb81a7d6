package io.drover.marathon.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What {@code embed} adds to the apps of {@code GET /v2/apps} (counts and deployments always, as in Marathon). */
enum AppEmbed {
  COUNTS,
  DEPLOYMENTS,
  TASKS,
  LAST_TASK_FAILURE;

  static final Set<AppEmbed> ALL = EnumSet.allOf(AppEmbed.class);

  /** Parses {@code apps.tasks}, {@code apps.counts}, {@code apps.deployments}, {@code apps.lastTaskFailure} (or {@code app.*}); others are ignored. */
  static Set<AppEmbed> parse(List<String> values) {
    Set<AppEmbed> embed = EnumSet.of(COUNTS, DEPLOYMENTS);
    for (String value : values) {
      for (String part : value.split(",")) {
        String name = part.trim().replaceFirst("^apps?\\.", "");
        switch (name) {
          case "tasks" -> embed.add(TASKS);
          case "lastTaskFailure", "failures" -> embed.add(LAST_TASK_FAILURE);
          default -> {
            // counts and deployments are always there; readiness, taskStats and pods do not apply
          }
        }
      }
    }
    return embed;
  }
}
