package io.drover.agent.update;

/** Where due status updates go: to the leading master, when there is a connection. */
@FunctionalInterface
public interface UpdateSender {
  void send(StatusUpdate update);
}
