package io.drover.marathon.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The query parameters every task kill takes: {@code scale}, {@code wipe} and {@code force}. */
public final class KillQuery {
  @QueryParam("scale")
  @DefaultValue("false")
  boolean scale;

  @QueryParam("wipe")
  @DefaultValue("false")
  boolean wipe;

  @QueryParam("force")
  @DefaultValue("false")
  boolean force;

  TaskKills.Options options() {
    return new TaskKills.Options(scale, wipe, force);
  }
}
