package io.drover.agent;

import io.drover.protocol.v1.Frame;

/** Sends a frame to the leading master; false when there is no connection to send it on. */
@FunctionalInterface
public interface FrameSender {
  boolean send(Frame frame);
}
