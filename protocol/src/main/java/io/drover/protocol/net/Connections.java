package io.drover.protocol.net;

import io.netty.channel.Channel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.AttributeKey;
import java.io.IOException;

/** Closing channels with a reason that the close listeners and the log can tell. */
final class Connections {
  static final AttributeKey<String> CLOSE_REASON = AttributeKey.valueOf("drover.closeReason");

  private Connections() {}

  /** Records why the channel closes (the first reason wins) and closes it. */
  static void close(Channel channel, String reason) {
    channel.attr(CLOSE_REASON).setIfAbsent(reason);
    channel.close();
  }

  static String closeReason(Channel channel) {
    String reason = channel.attr(CLOSE_REASON).get();
    return reason == null ? "connection closed by peer" : reason;
  }

  /** A reason an operator can read, for what broke a connection. */
  static String describe(Throwable cause) {
    Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (cause instanceof TooLongFrameException || root instanceof TooLongFrameException) {
      return "frame too large: " + root.getMessage();
    }
    if (cause instanceof DecoderException) {
      return "undecodable frame: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    if (root instanceof IOException) {
      return "I/O error: " + root.getMessage();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
