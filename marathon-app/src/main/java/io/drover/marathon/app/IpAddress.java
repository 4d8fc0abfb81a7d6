package io.drover.marathon.app;

/** One address of a task: {@code {"ipAddress":"10.0.0.3","protocol":"IPv4"}}. */
public record IpAddress(String ipAddress, String protocol) {}
