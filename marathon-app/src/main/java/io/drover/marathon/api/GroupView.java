package io.drover.marathon.api;

import io.drover.marathon.app.AppView;
import io.drover.marathon.app.PathId;
import java.time.Instant;
import java.util.List;

/**
 * A group as {@code GET /v2/groups} shows it; members left out by {@code embed} are null and so absent
 * from the JSON. Drover has no pods: {@code pods} is empty when asked for.
 */
public record GroupView(PathId id, List<AppView> apps, List<GroupView> groups, List<Object> pods, List<PathId> dependencies, Instant version) {}
