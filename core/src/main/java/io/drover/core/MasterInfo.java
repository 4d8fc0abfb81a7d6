package io.drover.core;

/** The leading master as it publishes itself in ZooKeeper. */
public record MasterInfo(String id, String host, int protocolPort, int httpPort, long epoch, String version) {}
