package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The handlers every protocol connection starts with: 4-byte length-prefixed frames no larger than the
 * maximum, protobuf {@link Frame}s, and heartbeats. TLS would go first in this pipeline.
 */
final class FramePipeline {
  static final String HEARTBEAT = "heartbeat";

  private FramePipeline() {}

  static void configure(ChannelPipeline pipeline, ProtocolOptions options) {
    pipeline
        .addLast("frameDecoder", new LengthFieldBasedFrameDecoder(options.maxFrameSize() + 4, 0, 4, 0, 4, true))
        .addLast("frameEncoder", new LengthFieldPrepender(4))
        .addLast("protobufDecoder", new ProtobufDecoder(Frame.getDefaultInstance()))
        .addLast("protobufEncoder", new ProtobufEncoder())
        .addLast(
            "idle",
            new IdleStateHandler(
                options.silenceLimit().toMillis(), options.heartbeatInterval().toMillis(), 0, TimeUnit.MILLISECONDS))
        .addLast(HEARTBEAT, new HeartbeatHandler(options));
  }
}
