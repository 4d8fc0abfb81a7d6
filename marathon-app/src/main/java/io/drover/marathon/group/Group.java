package io.drover.marathon.group;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import java.time.Instant;
import java.util.List;

/**
 * A group in Marathon's {@code /v2/groups} JSON shape: its apps, its subgroups and the ids (of apps
 * or groups) everything in it depends on. Ids inside a group may be relative to it; {@link
 * RootGroup#putGroup} resolves them.
 */
public record Group(PathId id, List<AppDefinition> apps, List<Group> groups, List<PathId> dependencies, Instant version) {
  public Group {
    id = id == null ? PathId.ROOT : id;
    apps = apps == null ? List.of() : List.copyOf(apps);
    groups = groups == null ? List.of() : List.copyOf(groups);
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }
}
