package io.drover.marathon.constraint;

/** Marathon's constraint operators, with their JSON names. */
public enum ConstraintOperator {
  /** No two instances share the field's value. */
  UNIQUE,
  /** Every instance has the same value: the given one, or else the one the first instance landed on. */
  CLUSTER,
  /** Instances spread evenly over the field's values (at least the given number of them). */
  GROUP_BY,
  /** The value fully matches a regular expression. */
  LIKE,
  /** The value does not match a regular expression (an agent without the attribute passes). */
  UNLIKE,
  /** At most the given number of instances per value. */
  MAX_PER,
  /** The value equals the given text exactly. */
  IS
}
