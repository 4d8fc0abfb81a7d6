package io.drover.marathon.group;

import io.drover.marathon.app.PathId;
import java.time.Instant;
import java.util.List;

/** What a group holds besides its members: its absolute dependencies and its version. */
public record GroupInfo(PathId id, List<PathId> dependencies, Instant version) {
  public GroupInfo {
    dependencies = List.copyOf(dependencies);
  }
}
