package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Ping;
import io.drover.protocol.v1.Pong;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Pings after a quiet interval, answers pings, and closes a connection whose peer has been silent
 * for too long. Pings and pongs go no further up the pipeline.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
  private final ProtocolOptions options;
  private long sequence;

  HeartbeatHandler(ProtocolOptions options) {
    this.options = options;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Frame frame) {
      if (frame.hasPing()) {
        ctx.writeAndFlush(Frame.newBuilder().setPong(Pong.newBuilder().setSequence(frame.getPing().getSequence())).build());
        return;
      }
      if (frame.hasPong()) {
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.READER_IDLE) {
        Connections.close(
            ctx.channel(), "missed " + options.maxMissedHeartbeats() + " heartbeats (silent for " + options.silenceLimit().toMillis() + " ms)");
      } else if (idle.state() == IdleState.WRITER_IDLE) {
        ctx.writeAndFlush(Frame.newBuilder().setPing(Ping.newBuilder().setSequence(++sequence)).build());
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }
}
