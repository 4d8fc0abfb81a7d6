package io.drover.sdk;

import static org.awaitility.Awaitility.await;

import io.drover.core.MasterInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Connection;
import io.drover.protocol.net.ConnectionHandler;
import io.drover.protocol.net.HandshakePolicy;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.MasterInfoJson;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ProtocolServer;
import io.drover.protocol.net.ZkUrl;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.SchedulerCall;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.Subscribed;
import io.drover.protocol.v1.Welcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.curator.framework.CuratorFramework;

/**
 * A stand-in for the master's scheduler side on a real {@link ProtocolServer}: admits every scheduler,
 * answers Subscribe with Subscribed (keeping the framework id it was given, or handing out {@code
 * newFrameworkId}), records every call, and sends whatever events a test asks for.
 */
final class FakeMaster implements AutoCloseable {
  private final String newFrameworkId;
  private final List<String> journal;
  private final ProtocolServer server;
  private final List<SchedulerCall> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicInteger subscribesToIgnore = new AtomicInteger();
  private volatile Connection scheduler;
  final MasterInfo info;

  /** {@code journal} receives "master-id: CALL" for every call, to check order against callbacks. */
  FakeMaster(String id, long epoch, String newFrameworkId, List<String> journal) throws InterruptedException {
    this.newFrameworkId = newFrameworkId;
    this.journal = journal;
    MasterInfo[] self = new MasterInfo[1];
    this.server =
        new ProtocolServer(
            ProtocolOptions.DEFAULTS,
            hello ->
                new HandshakePolicy.Admit(
                    Welcome.newBuilder()
                        .setProtocolVersion(ProtocolOptions.PROTOCOL_VERSION)
                        .setMaster(ToProto.masterInfo(self[0]))
                        .setHeartbeatIntervalMs(ProtocolOptions.DEFAULTS.heartbeatInterval().toMillis())
                        .build()),
            new Handler());
    InetSocketAddress bound = server.start("127.0.0.1", 0);
    this.info = new MasterInfo(id, "127.0.0.1", bound.getPort(), 0, epoch, "test");
    self[0] = info;
  }

  void becomeLeader(CuratorFramework zk, ZkUrl url) throws Exception {
    String path = MasterDetector.leaderPath(url);
    if (zk.checkExists().forPath(path) == null) {
      zk.create().creatingParentsIfNeeded().forPath(path, MasterInfoJson.write(info));
    } else {
      zk.setData().forPath(path, MasterInfoJson.write(info));
    }
  }

  /** Leaves the next {@code count} Subscribe calls unanswered, like a master busy recovering. */
  void ignoreSubscribes(int count) {
    subscribesToIgnore.set(count);
  }

  void send(SchedulerEvent event) {
    Connection c = scheduler;
    if (c == null || !c.send(Frame.newBuilder().setSchedulerEvent(event).build())) {
      throw new IllegalStateException("no scheduler connected to " + info.id());
    }
  }

  List<SchedulerCall> calls() {
    return List.copyOf(calls);
  }

  List<SchedulerCall> calls(SchedulerCall.CallCase kind) {
    return calls.stream().filter(c -> c.getCallCase() == kind).toList();
  }

  SchedulerCall awaitCall(SchedulerCall.CallCase kind) {
    return awaitCall(kind, c -> true);
  }

  SchedulerCall awaitCall(SchedulerCall.CallCase kind, Predicate<SchedulerCall> matching) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls(kind).stream().filter(matching).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  int connectionsOpened() {
    return opened.get();
  }

  int connectionsClosed() {
    return closed.get();
  }

  /** Goes away: every connection drops and nothing listens on its port any more. Idempotent. */
  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) {
      server.close();
    }
  }

  private final class Handler implements ConnectionHandler {
    @Override
    public void onOpen(Connection connection, Hello hello) {
      opened.incrementAndGet();
      scheduler = connection;
    }

    @Override
    public void onFrame(Connection connection, Frame frame) {
      SchedulerCall call = frame.getSchedulerCall();
      journal.add(info.id() + ": " + call.getCallCase());
      calls.add(call);
      if (call.hasSubscribe() && subscribesToIgnore.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
        String id = call.getFrameworkId().isEmpty() ? newFrameworkId : call.getFrameworkId();
        connection.send(
            Frame.newBuilder()
                .setSchedulerEvent(
                    SchedulerEvent.newBuilder()
                        .setSubscribed(
                            Subscribed.newBuilder()
                                .setFrameworkId(id)
                                .setHeartbeatIntervalMs(5_000)
                                .setMaster(ToProto.masterInfo(info))))
                .build());
      }
    }

    @Override
    public void onClose(Connection connection, String reason) {
      closed.incrementAndGet();
    }
  }
}
