package io.drover.marathon.app;

/** An extra {@code docker run} option, e.g. {@code {"key":"hostname","value":"a.corp"}}. */
public record DockerParameter(String key, String value) {}
