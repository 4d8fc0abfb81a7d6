package io.drover.master.election;

/** Takes part in the election of the leading master. */
public interface LeaderContender extends AutoCloseable {
  void start();

  /** Gives up leadership (if held) and stops contending. */
  @Override
  void close();
}
