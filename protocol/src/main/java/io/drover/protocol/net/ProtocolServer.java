package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.Refused;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts protocol connections: frames them, keeps them alive with heartbeats, runs the handshake
 * through a {@link HandshakePolicy}, and hands admitted connections to a {@link ConnectionHandler}. A
 * peer that misbehaves (garbage, oversized frames, no hello) is closed with a logged reason; the others
 * are not affected.
 */
public final class ProtocolServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolServer.class);

  private final ProtocolOptions options;
  private final HandshakePolicy policy;
  private final ConnectionHandler handler;
  private final AtomicLong nextId = new AtomicLong(1);
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private Channel serverChannel;

  public ProtocolServer(ProtocolOptions options, HandshakePolicy policy, ConnectionHandler handler) {
    this.options = options;
    this.policy = policy;
    this.handler = handler;
  }

  /** Binds and returns the bound address (port 0 picks a free port). */
  public InetSocketAddress start(String host, int port) throws InterruptedException {
    bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workerGroup = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    FramePipeline.configure(ch.pipeline(), options);
                    ch.pipeline().addLast("handshake", new ServerHandshake());
                  }
                });
    serverChannel = bootstrap.bind(host, port).sync().channel();
    InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
    LOG.info("Protocol server listening on {}:{}", bound.getHostString(), bound.getPort());
    return bound;
  }

  /** Closes every connection, for example when this master stops leading. */
  public void closeAll(String reason) {
    channels.forEach(ch -> Connections.close(ch, reason));
  }

  @Override
  public void close() {
    closeAll("server stopping");
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    if (workerGroup != null) {
      workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static String remote(Channel ch) {
    return ch.remoteAddress() == null ? "unknown" : ch.remoteAddress().toString();
  }

  /** Waits for Hello, answers it, then installs the per-connection dispatcher. */
  private final class ServerHandshake extends ChannelInboundHandlerAdapter {
    private ScheduledFuture<?> timeout;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      timeout =
          ctx.executor()
              .schedule(
                  () -> refuse(ctx, Refused.Code.BAD_HANDSHAKE, "no hello within " + options.handshakeTimeout().toMillis() + " ms"),
                  options.handshakeTimeout().toMillis(),
                  TimeUnit.MILLISECONDS);
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      timeout.cancel(false);
      Frame frame = (Frame) msg;
      if (!frame.hasHello()) {
        refuse(ctx, Refused.Code.BAD_HANDSHAKE, "expected hello, got " + frame.getBodyCase());
        return;
      }
      Hello hello = frame.getHello();
      if (hello.getProtocolVersion() != ProtocolOptions.PROTOCOL_VERSION) {
        refuse(
            ctx,
            Refused.Code.UNSUPPORTED_VERSION,
            "protocol version " + hello.getProtocolVersion() + " is not supported; this master speaks " + ProtocolOptions.PROTOCOL_VERSION);
        return;
      }
      if (hello.getRole() != PeerRole.AGENT && hello.getRole() != PeerRole.SCHEDULER) {
        refuse(ctx, Refused.Code.BAD_HANDSHAKE, "hello names no known role");
        return;
      }
      HandshakePolicy.Answer answer = policy.answer(hello);
      if (answer instanceof HandshakePolicy.Refuse refuse) {
        ctx.writeAndFlush(Frame.newBuilder().setRefused(refuse.refused()).build());
        Connections.close(ctx.channel(), "refused: " + refuse.refused().getReason());
      } else if (answer instanceof HandshakePolicy.Admit admit) {
        NettyConnection connection = new NettyConnection(nextId.getAndIncrement(), hello.getRole(), ctx.channel());
        ctx.pipeline().replace(this, "dispatch", new Dispatcher(connection));
        ctx.writeAndFlush(Frame.newBuilder().setWelcome(admit.welcome()).build());
        handler.onOpen(connection, hello);
      }
    }

    private void refuse(ChannelHandlerContext ctx, Refused.Code code, String reason) {
      LOG.warn("Refusing connection from {}: {}", remote(ctx.channel()), reason);
      ctx.writeAndFlush(Frame.newBuilder().setRefused(Refused.newBuilder().setCode(code).setReason(reason)).build());
      Connections.close(ctx.channel(), reason);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (timeout != null) {
        timeout.cancel(false);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      String reason = Connections.describe(cause);
      LOG.warn("Closing connection from {} before handshake: {}", remote(ctx.channel()), reason);
      Connections.close(ctx.channel(), reason);
    }
  }

  /** Passes an admitted connection's application frames on and reports its end once. */
  private final class Dispatcher extends ChannelInboundHandlerAdapter {
    private final NettyConnection connection;

    Dispatcher(NettyConnection connection) {
      this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Frame frame = (Frame) msg;
      boolean expected =
          connection.role() == PeerRole.AGENT ? frame.hasAgentCall() : frame.hasSchedulerCall();
      if (!expected) {
        String reason = "unexpected " + frame.getBodyCase() + " frame from a " + connection.role() + " peer";
        LOG.warn("Closing connection {} from {}: {}", connection.id(), connection.remoteAddress(), reason);
        Connections.close(ctx.channel(), reason);
        return;
      }
      handler.onFrame(connection, frame);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      handler.onClose(connection, Connections.closeReason(ctx.channel()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      String reason = Connections.describe(cause);
      LOG.warn("Closing connection {} from {}: {}", connection.id(), connection.remoteAddress(), reason);
      Connections.close(ctx.channel(), reason);
    }
  }

  private static final class NettyConnection implements Connection {
    private final long id;
    private final PeerRole role;
    private final Channel channel;

    NettyConnection(long id, PeerRole role, Channel channel) {
      this.id = id;
      this.role = role;
      this.channel = channel;
    }

    @Override
    public long id() {
      return id;
    }

    @Override
    public PeerRole role() {
      return role;
    }

    @Override
    public String remoteAddress() {
      return remote(channel);
    }

    @Override
    public Optional<InetAddress> remoteHost() {
      return channel.remoteAddress() instanceof InetSocketAddress inet ? Optional.ofNullable(inet.getAddress()) : Optional.empty();
    }

    @Override
    public boolean send(Frame frame) {
      if (!channel.isActive()) {
        return false;
      }
      channel.writeAndFlush(frame);
      return true;
    }

    @Override
    public boolean isOpen() {
      return channel.isActive();
    }

    @Override
    public void close(String reason) {
      Connections.close(channel, reason);
    }

    @Override
    public String toString() {
      return "connection " + id + " (" + role + " " + remoteAddress() + ")";
    }
  }
}
