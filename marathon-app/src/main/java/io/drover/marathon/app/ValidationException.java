package io.drover.marathon.app;

import java.util.List;

/** A definition broke Marathon's rules; the API answers 422 with the violations as details. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super("Object is not valid: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
