package io.drover.master.election;

/** Takes part in the election of the leading master. */
public interface LeaderContender extends AutoCloseable {
  void start();

  /** Gives leadership up if held (for example after a fenced write failed) and contends again. */
  void abdicate(String reason);

  /** Gives up leadership (if held) and stops contending. */
  @Override
  void close();
}
