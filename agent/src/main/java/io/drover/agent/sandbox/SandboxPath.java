package io.drover.agent.sandbox;

import java.nio.file.Path;

/** What a requested sandbox path came to: a file or directory that may be served, or a refusal with its reason. */
public sealed interface SandboxPath {
  /** {@code requested} as the client named it (normalised), {@code real} with every link resolved. */
  record Found(Path requested, Path real) implements SandboxPath {}

  record Refused(Problem problem, String reason) implements SandboxPath {}

  enum Problem {
    /** Malformed: missing, relative, or with '..' segments. */
    INVALID,
    /** Lies (once links are followed) outside every sandbox. */
    OUTSIDE_SANDBOX,
    NOT_FOUND
  }
}
