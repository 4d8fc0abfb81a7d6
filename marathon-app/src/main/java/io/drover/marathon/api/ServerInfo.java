package io.drover.marathon.api;

/** What {@code /v2/info} reports about this marathon-app's configuration. */
public record ServerInfo(String name, String version, String zooKeeperUrl, String hostname, int httpPort) {}
