package io.drover.agent.update;

/** What an acknowledgement did to a stream. */
public sealed interface Acknowledgement {
  /** It acknowledged the stream's head; {@code streamEnded} when that was the task's terminal update. */
  record Accepted(StatusUpdate update, boolean streamEnded) implements Acknowledgement {}

  /** It matched nothing that waits for an acknowledgement; {@code reason} says why. */
  record Ignored(String reason) implements Acknowledgement {}
}
