package io.drover.master;

import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import java.time.Duration;
import java.util.Optional;

/**
 * How a master runs.
 *
 * @param zk where the cluster's ZooKeeper is, with the cluster's root (default {@code /drover})
 * @param host the address to bind and to publish to agents and frameworks
 * @param httpPort operator API (0: any free port)
 * @param protocolPort agents and frameworks connect here (0: any free port)
 * @param zkSessionTimeout ZooKeeper session timeout
 * @param suspendedGrace how long a leader may stay cut off from ZooKeeper before it stops leading
 * @param heartbeatInterval peers and master ping each other after this much silence
 * @param maxMissedHeartbeats a peer silent for this many intervals is disconnected
 * @param agentPingTimeout how long a disconnected agent may stay away before it is declared unreachable
 * @param agentReregistrationTimeout how long a new leader waits for the registry's agents to re-register
 * @param offerTimeout how long an offer stands before it is rescinded; empty: until it is used
 * @param allocationInterval how often the allocator runs even without events
 * @param maxFrameSize the largest protocol frame accepted, in bytes
 */
public record MasterConfig(
    ZkUrl zk,
    String host,
    int httpPort,
    int protocolPort,
    Duration zkSessionTimeout,
    Duration suspendedGrace,
    Duration heartbeatInterval,
    int maxMissedHeartbeats,
    Duration agentPingTimeout,
    Duration agentReregistrationTimeout,
    Optional<Duration> offerTimeout,
    Duration allocationInterval,
    int maxFrameSize,
    String version) {
  public static final int DEFAULT_HTTP_PORT = 5050;
  public static final int DEFAULT_PROTOCOL_PORT = 5055;

  public static MasterConfig defaults(ZkUrl zk, String host) {
    return new MasterConfig(
        zk,
        host,
        DEFAULT_HTTP_PORT,
        DEFAULT_PROTOCOL_PORT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        ProtocolOptions.DEFAULTS.heartbeatInterval(),
        ProtocolOptions.DEFAULTS.maxMissedHeartbeats(),
        Duration.ofSeconds(75),
        Duration.ofSeconds(60),
        Optional.empty(),
        Duration.ofSeconds(1),
        ProtocolOptions.DEFAULTS.maxFrameSize(),
        "0.1.0");
  }

  public MasterConfig withPorts(int http, int protocol) {
    return new MasterConfig(
        zk, host, http, protocol, zkSessionTimeout, suspendedGrace, heartbeatInterval, maxMissedHeartbeats, agentPingTimeout, agentReregistrationTimeout, offerTimeout, allocationInterval, maxFrameSize, version);
  }

  public MasterConfig withHeartbeat(Duration interval, int missed) {
    return new MasterConfig(
        zk, host, httpPort, protocolPort, zkSessionTimeout, suspendedGrace, interval, missed, agentPingTimeout, agentReregistrationTimeout, offerTimeout, allocationInterval, maxFrameSize, version);
  }

  public MasterConfig withAgentTimeouts(Duration pingTimeout, Duration reregistrationTimeout) {
    return new MasterConfig(
        zk, host, httpPort, protocolPort, zkSessionTimeout, suspendedGrace, heartbeatInterval, maxMissedHeartbeats, pingTimeout, reregistrationTimeout, offerTimeout, allocationInterval, maxFrameSize, version);
  }

  public MasterConfig withOfferTimeout(Optional<Duration> timeout) {
    return new MasterConfig(
        zk, host, httpPort, protocolPort, zkSessionTimeout, suspendedGrace, heartbeatInterval, maxMissedHeartbeats, agentPingTimeout, agentReregistrationTimeout, timeout, allocationInterval, maxFrameSize, version);
  }

  public MasterConfig withAllocationInterval(Duration interval) {
    return new MasterConfig(
        zk, host, httpPort, protocolPort, zkSessionTimeout, suspendedGrace, heartbeatInterval, maxMissedHeartbeats, agentPingTimeout, agentReregistrationTimeout, offerTimeout, interval, maxFrameSize, version);
  }

  public MasterConfig withZooKeeperTimeouts(Duration sessionTimeout, Duration grace) {
    return new MasterConfig(
        zk, host, httpPort, protocolPort, sessionTimeout, grace, heartbeatInterval, maxMissedHeartbeats, agentPingTimeout, agentReregistrationTimeout, offerTimeout, allocationInterval, maxFrameSize, version);
  }

  public ProtocolOptions protocolOptions() {
    return new ProtocolOptions(maxFrameSize, heartbeatInterval, maxMissedHeartbeats, ProtocolOptions.DEFAULTS.handshakeTimeout());
  }

  public MasterPaths paths() {
    return new MasterPaths(zk.root());
  }
}
