package io.drover.marathon.app;

/** The shell command of a {@code COMMAND} health check: {@code {"value":"curl -f localhost:$PORT0"}}. */
public record HealthCommand(String value) {}
