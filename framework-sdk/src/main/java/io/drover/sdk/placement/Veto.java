package io.drover.sdk.placement;

import java.util.Objects;

/** Why a task may not go on an offer: which checker said no, and a reason a user can read. */
public record Veto(String checker, String reason) {
  public Veto {
    Objects.requireNonNull(checker, "checker");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return checker + ": " + reason;
  }
}
