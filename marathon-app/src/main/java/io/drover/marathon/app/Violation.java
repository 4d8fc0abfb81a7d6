package io.drover.marathon.app;

/**
 * One reason a definition is invalid: a JSON path in Marathon's notation ({@code /container/portMappings(0)/hostPort},
 * {@code /} for the whole object) and a message a user can act on.
 */
public record Violation(String path, String message) {}
