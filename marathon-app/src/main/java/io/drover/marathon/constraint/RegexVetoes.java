package io.drover.marathon.constraint;

/** Wording shared by {@link LikeConstraint} and {@link UnlikeConstraint}. */
final class RegexVetoes {
  private RegexVetoes() {}

  static String tooCostly(BoundedRegex regex, String value) {
    return "matching " + value + " was abandoned after " + regex.stepBudget() + " steps: the regular expression backtracks too much";
  }
}
