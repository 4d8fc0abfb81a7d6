package io.drover.protocol.net;

import io.drover.core.MasterInfo;
import io.drover.protocol.FromProto;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.Refused;
import io.drover.protocol.v1.Welcome;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to the leading master: finds it through the {@link MasterDetector}, says hello,
 * follows redirects and leader changes, and reconnects with backoff whenever the connection is lost.
 *
 * <p>All of its work, and every {@link Listener} call, happens on one thread, in order.
 */
public final class MasterClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MasterClient.class);

  /** What the client's owner hears. Calls come on the client's thread and must not block. */
  public interface Listener {
    /** Admitted by the leading master; (re-)register now. */
    void connected(MasterInfo master, Welcome welcome);

    void frame(Frame frame);

    /** The connection is gone; the client is already trying to reconnect. */
    void disconnected(String reason);
  }

  private final MasterDetector detector;
  private final PeerRole role;
  private final String principal;
  private final ProtocolOptions options;
  private final Backoff backoff;
  private final Listener listener;
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Consumer<Optional<MasterInfo>> leaderListener;

  // Owned by the loop thread.
  private Channel channel;
  /** The master of the current (or last) connection attempt. */
  private MasterInfo target;
  /** Where a refusing master said the leader is: tried once, before asking the detector again. */
  private MasterInfo redirect;
  private volatile MasterInfo connectedTo;
  private int failedAttempts;
  private boolean connecting;
  private boolean reconnectScheduled;
  private volatile boolean closed;

  public MasterClient(
      MasterDetector detector, PeerRole role, String principal, ProtocolOptions options, Backoff backoff, Listener listener) {
    this.detector = detector;
    this.role = role;
    this.principal = principal;
    this.options = options;
    this.backoff = backoff;
    this.listener = listener;
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.loop = group.next();
    this.leaderListener = leader -> loop.execute(() -> leaderChanged(leader));
  }

  public void start() {
    detector.addListener(leaderListener);
    loop.execute(this::connectIfIdle);
  }

  /** Sends a frame if connected and admitted; otherwise drops it and returns false. */
  public boolean send(Frame frame) {
    Channel ch = channel;
    if (ch == null || connectedTo == null || !ch.isActive()) {
      return false;
    }
    ch.writeAndFlush(frame);
    return true;
  }

  public Optional<MasterInfo> connectedTo() {
    return Optional.ofNullable(connectedTo);
  }

  /** Drops the current connection (if any) and connects again: used when a peer's state is confused. */
  public void reconnect(String reason) {
    loop.execute(
        () -> {
          if (channel != null) {
            Connections.close(channel, reason);
          }
        });
  }

  private void leaderChanged(Optional<MasterInfo> leader) {
    if (closed) {
      return;
    }
    boolean sameAsTarget =
        leader.isPresent() && target != null && leader.get().id().equals(target.id()) && leader.get().epoch() == target.epoch();
    if (channel != null && !sameAsTarget) {
      Connections.close(channel, "leading master changed");
      return;
    }
    connectIfIdle();
  }

  private void connectIfIdle() {
    if (closed || connecting || channel != null || reconnectScheduled) {
      return;
    }
    Optional<MasterInfo> leader = Optional.ofNullable(redirect).or(detector::current);
    redirect = null;
    if (leader.isEmpty()) {
      LOG.info("No leading master known yet; waiting for one to be elected");
      return;
    }
    connect(leader.get());
  }

  private void connect(MasterInfo master) {
    connecting = true;
    target = master;
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    FramePipeline.configure(ch.pipeline(), options);
                    ch.pipeline().addLast("client", new ClientHandler(master));
                  }
                });
    ChannelFuture future = bootstrap.connect(master.host(), master.protocolPort());
    channel = future.channel();
    future.addListener(
        f -> {
          connecting = false;
          if (!f.isSuccess()) {
            LOG.warn("Cannot connect to master {}:{}: {}", master.host(), master.protocolPort(), f.cause().getMessage());
            channel = null;
            scheduleReconnect();
          } else {
            channel.closeFuture().addListener(c -> onClosed(future.channel()));
            channel.writeAndFlush(
                Frame.newBuilder()
                    .setHello(Hello.newBuilder().setProtocolVersion(ProtocolOptions.PROTOCOL_VERSION).setRole(role).setPrincipal(principal))
                    .build());
          }
        });
  }

  private void onClosed(Channel closedChannel) {
    if (closedChannel != channel) {
      return;
    }
    channel = null;
    String reason = Connections.closeReason(closedChannel);
    if (connectedTo != null) {
      connectedTo = null;
      LOG.warn("Disconnected from master: {}", reason);
      listener.disconnected(reason);
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnectScheduled) {
      return;
    }
    reconnectScheduled = true;
    long delay = backoff.delay(failedAttempts++).toMillis();
    loop.schedule(
        () -> {
          reconnectScheduled = false;
          connectIfIdle();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    detector.removeListener(leaderListener);
    // Close on the loop and wait for it, so that frames sent just before (a last call such as a teardown)
    // are flushed first: shutting the loop down closes its channels before running queued writes.
    loop.submit(
            () -> {
              if (channel != null) {
                Connections.close(channel, "client stopping");
              }
            })
        .awaitUninterruptibly(2, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class ClientHandler extends ChannelInboundHandlerAdapter {
    private final MasterInfo master;

    ClientHandler(MasterInfo master) {
      this.master = master;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Frame frame = (Frame) msg;
      if (frame.hasWelcome()) {
        failedAttempts = 0;
        connectedTo = frame.getWelcome().hasMaster() ? FromProto.masterInfo(frame.getWelcome().getMaster()) : master;
        LOG.info("Connected to master {} at {}:{}", connectedTo.id(), master.host(), master.protocolPort());
        listener.connected(connectedTo, frame.getWelcome());
      } else if (frame.hasRefused()) {
        Refused refused = frame.getRefused();
        if (refused.getCode() == Refused.Code.NOT_LEADER && refused.hasLeader()) {
          redirect = FromProto.masterInfo(refused.getLeader());
          LOG.info("Master {} is not leading; redirected to {}:{}", master.host(), redirect.host(), redirect.protocolPort());
        } else {
          LOG.warn("Master {}:{} refused the connection: {} {}", master.host(), master.protocolPort(), refused.getCode(), refused.getReason());
        }
        Connections.close(ctx.channel(), "refused: " + refused.getReason());
      } else if (connectedTo != null) {
        listener.frame(frame);
      } else {
        Connections.close(ctx.channel(), "master sent " + frame.getBodyCase() + " before welcome");
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      String reason = Connections.describe(cause);
      LOG.warn("Closing connection to master {}:{}: {}", master.host(), master.protocolPort(), reason);
      Connections.close(ctx.channel(), reason);
    }
  }
}
