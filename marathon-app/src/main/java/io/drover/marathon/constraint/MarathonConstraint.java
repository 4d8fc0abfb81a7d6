package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Marathon constraint, {@code ["field", "OPERATOR", "value"]}, as a placement {@link Constraint}.
 * Instances of the same app are the tasks of the request's group; every veto starts with the
 * constraint itself, e.g. {@code hostname:UNIQUE: local-2 already runs an instance}.
 */
public sealed interface MarathonConstraint extends Constraint
    permits UniqueConstraint, ClusterConstraint, GroupByConstraint, RegexConstraint, MaxPerConstraint, IsConstraint {
  Field field();

  ConstraintOperator operator();

  /** The third element of the array form, when there is one. */
  Optional<String> value();

  /** Marathon's array form. */
  default List<String> toMarathon() {
    List<String> parts = new ArrayList<>(List.of(field().name(), operator().name()));
    value().ifPresent(parts::add);
    return List.copyOf(parts);
  }

  /** {@code field:OPERATOR[:value]}, how vetoes name the constraint. */
  default String describe() {
    return String.join(":", toMarathon());
  }

  /** A veto of this constraint: its description, then why. */
  default Optional<String> deny(String why) {
    return Optional.of(describe() + ": " + why);
  }

  /** The veto for an agent that lacks the attribute the constraint reads. */
  default Optional<String> denyMissingAttribute(Candidate candidate) {
    return deny("agent " + candidate.offer().hostname() + " has no attribute " + field());
  }
}
