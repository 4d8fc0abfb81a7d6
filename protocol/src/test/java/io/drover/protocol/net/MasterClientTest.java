package io.drover.protocol.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.MasterInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.v1.AgentCall;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.AgentRegistered;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.Refused;
import io.drover.protocol.v1.Welcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client following the leader znode of a real ZooKeeper across real servers. */
class MasterClientTest {
  private static final ProtocolOptions OPTIONS = ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(200), 3);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

  private TestingServer zookeeper;
  private CuratorFramework curator;
  private ZkUrl url;
  private MasterDetector detector;
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    zookeeper = new TestingServer();
    url = ZkUrl.parse("zk://" + zookeeper.getConnectString() + "/drover");
    curator = ZooKeeperClients.start(url, Duration.ofSeconds(10));
    detector = new MasterDetector(curator, url);
    detector.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    detector.close();
    curator.close();
    zookeeper.close();
  }

  /** A master that admits everyone when {@code leading}, else redirects to {@code leader}. */
  private final class FakeMaster {
    final RecordingHandler handler = new RecordingHandler();
    final ProtocolServer server;
    final MasterInfo info;

    FakeMaster(String id, MasterInfo redirectTo) throws Exception {
      InetSocketAddress[] bound = new InetSocketAddress[1];
      server =
          new ProtocolServer(
              OPTIONS,
              hello ->
                  redirectTo == null
                      ? new HandshakePolicy.Admit(Welcome.newBuilder().setProtocolVersion(1).setMaster(ToProto.masterInfo(infoOf(id, bound[0]))).build())
                      : new HandshakePolicy.Refuse(
                          Refused.newBuilder().setCode(Refused.Code.NOT_LEADER).setReason("not leading").setLeader(ToProto.masterInfo(redirectTo)).build()),
              handler);
      bound[0] = server.start("127.0.0.1", 0);
      info = infoOf(id, bound[0]);
      closeables.add(server);
    }
  }

  private static MasterInfo infoOf(String id, InetSocketAddress address) {
    return new MasterInfo(id, "127.0.0.1", address.getPort(), 0, id.hashCode() & 0xff, "test");
  }

  private void publishLeader(MasterInfo info) throws Exception {
    String path = MasterDetector.leaderPath(url);
    if (curator.checkExists().forPath(path) != null) {
      curator.delete().forPath(path);
    }
    curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, MasterInfoJson.write(info));
  }

  private static final class Events implements MasterClient.Listener {
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();

    @Override
    public void connected(MasterInfo master, Welcome welcome) {
      log.add("connected " + master.id());
    }

    @Override
    public void frame(Frame frame) {
      frames.add(frame);
    }

    @Override
    public void disconnected(String reason) {
      log.add("disconnected");
    }
  }

  private MasterClient client(Events events) {
    MasterClient client = new MasterClient(detector, PeerRole.AGENT, "", OPTIONS, FAST, events);
    closeables.add(0, client);
    client.start();
    return client;
  }

  @Test
  void waitsForALeaderThenConnectsAndExchangesFrames() throws Exception {
    FakeMaster m1 = new FakeMaster("m1", null);
    Events events = new Events();
    MasterClient client = client(events);
    assertThat(client.connectedTo()).isEmpty();
    publishLeader(m1.info);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.log.contains("connected m1"));
    Frame register = Frame.newBuilder().setAgentCall(AgentCall.newBuilder().setRegister(RegisterAgent.getDefaultInstance())).build();
    assertThat(client.send(register)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> m1.handler.frames.contains(register));
    Frame registered = Frame.newBuilder().setAgentEvent(AgentEvent.newBuilder().setRegistered(AgentRegistered.newBuilder().setAgentId("a1"))).build();
    m1.handler.opened.get(0).send(registered);
    await().atMost(Duration.ofSeconds(5)).until(() -> events.frames.contains(registered));
  }

  @Test
  void followsTheLeaderWhenItChanges() throws Exception {
    FakeMaster m1 = new FakeMaster("m1", null);
    FakeMaster m2 = new FakeMaster("m2", null);
    Events events = new Events();
    publishLeader(m1.info);
    client(events);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.log.contains("connected m1"));
    publishLeader(m2.info);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.log.contains("connected m2"));
    assertThat(events.log).containsSubsequence("connected m1", "disconnected", "connected m2");
  }

  @Test
  void reconnectsWhenTheConnectionDrops() throws Exception {
    FakeMaster m1 = new FakeMaster("m1", null);
    Events events = new Events();
    publishLeader(m1.info);
    client(events);
    await().atMost(Duration.ofSeconds(10)).until(() -> m1.handler.opened.size() == 1);
    m1.server.closeAll("test drops everyone");
    await().atMost(Duration.ofSeconds(10)).until(() -> m1.handler.opened.size() == 2);
    assertThat(events.log).containsExactly("connected m1", "disconnected", "connected m1");
  }

  @Test
  void followsARedirectFromAStandby() throws Exception {
    FakeMaster leader = new FakeMaster("leader", null);
    FakeMaster standby = new FakeMaster("standby", leader.info);
    Events events = new Events();
    publishLeader(standby.info);
    client(events);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.log.contains("connected leader"));
    assertThat(standby.handler.opened).isEmpty();
  }
}
