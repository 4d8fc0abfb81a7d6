package io.drover.protocol.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.v1.AgentCall;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.MasterInfo;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.Refused;
import io.drover.protocol.v1.SchedulerCall;
import io.drover.protocol.v1.Teardown;
import io.drover.protocol.v1.Welcome;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtocolServerTest {
  private static final ProtocolOptions OPTIONS = new ProtocolOptions(4096, Duration.ofMillis(200), 3, Duration.ofMillis(500));
  private static final Frame REGISTER =
      Frame.newBuilder().setAgentCall(AgentCall.newBuilder().setRegister(RegisterAgent.newBuilder().setAgentId("a1"))).build();

  private final RecordingHandler handler = new RecordingHandler();
  private ProtocolServer server;
  private InetSocketAddress address;

  @BeforeEach
  void start() throws Exception {
    server =
        new ProtocolServer(
            OPTIONS,
            hello ->
                new HandshakePolicy.Admit(
                    Welcome.newBuilder().setProtocolVersion(1).setMaster(MasterInfo.newBuilder().setId("m1")).setHeartbeatIntervalMs(200).build()),
            handler);
    address = server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawPeer admittedAgent() throws Exception {
    RawPeer peer = new RawPeer(address);
    peer.hello(ProtocolOptions.PROTOCOL_VERSION, PeerRole.AGENT);
    assertThat(peer.nextFrame()).get().matches(Frame::hasWelcome);
    return peer;
  }

  @Test
  void admitsAPeerAndPassesItsCallsOn() throws Exception {
    try (RawPeer peer = admittedAgent()) {
      peer.send(REGISTER);
      await().atMost(Duration.ofSeconds(5)).until(() -> handler.frames.contains(REGISTER));
      assertThat(handler.opened).singleElement().satisfies(c -> assertThat(c.role()).isEqualTo(PeerRole.AGENT));
    }
  }

  @Test
  void garbageClosesOnlyThatConnection() throws Exception {
    try (RawPeer good = admittedAgent(); RawPeer bad = admittedAgent()) {
      bad.sendRaw(ByteBuffer.allocate(14).putInt(10).put("\u00ff\u00ffgarbage!".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).array());
      assertThat(bad.nextFrame()).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> handler.closed.size() == 1);
      assertThat(handler.closed.values()).singleElement().asString().contains("undecodable frame");
      good.send(REGISTER);
      await().atMost(Duration.ofSeconds(5)).until(() -> handler.frames.contains(REGISTER));
    }
  }

  @Test
  void oversizedFrameClosesTheConnectionWithAReason() throws Exception {
    try (RawPeer peer = admittedAgent()) {
      peer.sendRaw(ByteBuffer.allocate(8).putInt(1 << 20).putInt(0).array());
      assertThat(peer.nextFrame()).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> !handler.closed.isEmpty());
      assertThat(handler.closed.values()).singleElement().asString().contains("frame too large");
    }
  }

  @Test
  void unknownVersionIsRefused() throws Exception {
    try (RawPeer peer = new RawPeer(address)) {
      peer.hello(99, PeerRole.SCHEDULER);
      Frame answer = peer.nextFrame().orElseThrow();
      assertThat(answer.getRefused().getCode()).isEqualTo(Refused.Code.UNSUPPORTED_VERSION);
      assertThat(answer.getRefused().getReason()).contains("99");
      assertThat(peer.nextFrame()).isEmpty();
      assertThat(handler.opened).isEmpty();
    }
  }

  @Test
  void aCallBeforeHelloIsRefused() throws Exception {
    try (RawPeer peer = new RawPeer(address)) {
      peer.send(REGISTER);
      assertThat(peer.nextFrame().orElseThrow().getRefused().getCode()).isEqualTo(Refused.Code.BAD_HANDSHAKE);
      assertThat(peer.nextFrame()).isEmpty();
    }
  }

  @Test
  void silenceBeforeHelloTimesOut() throws Exception {
    try (RawPeer peer = new RawPeer(address)) {
      Frame answer = peer.nextFrame().orElseThrow();
      assertThat(answer.getRefused().getReason()).contains("no hello");
    }
  }

  @Test
  void aSilentPeerIsPingedThenDisconnected() throws Exception {
    try (RawPeer peer = admittedAgent()) {
      assertThat(peer.readFrame()).get().matches(Frame::hasPing);
      await().atMost(Duration.ofSeconds(5)).until(() -> !handler.closed.isEmpty());
      assertThat(handler.closed.values()).singleElement().asString().contains("missed 3 heartbeats");
    }
  }

  @Test
  void aPeerThatAnswersPingsStaysConnected() throws Exception {
    try (RawPeer peer = admittedAgent()) {
      long until = System.nanoTime() + OPTIONS.silenceLimit().multipliedBy(3).toNanos();
      int pings = 0;
      while (System.nanoTime() < until) {
        Frame frame = peer.readFrame().orElseThrow();
        if (frame.hasPing()) {
          pings++;
          peer.send(Frame.newBuilder().setPong(io.drover.protocol.v1.Pong.newBuilder().setSequence(frame.getPing().getSequence())).build());
        }
      }
      assertThat(pings).isGreaterThanOrEqualTo(3);
      assertThat(handler.closed).isEmpty();
    }
  }

  @Test
  void aCallOfTheWrongRoleClosesTheConnection() throws Exception {
    try (RawPeer peer = admittedAgent()) {
      peer.send(Frame.newBuilder().setSchedulerCall(SchedulerCall.newBuilder().setTeardown(Teardown.getDefaultInstance())).build());
      assertThat(peer.nextFrame()).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> !handler.closed.isEmpty());
      assertThat(handler.closed.values()).singleElement().asString().contains("unexpected SCHEDULER_CALL");
    }
  }
}
