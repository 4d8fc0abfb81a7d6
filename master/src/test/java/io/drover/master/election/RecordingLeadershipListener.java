package io.drover.master.election;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every leadership change it hears, for assertions. */
final class RecordingLeadershipListener implements LeadershipListener {
  final List<Leadership> elected = new CopyOnWriteArrayList<>();
  final List<String> deposed = new CopyOnWriteArrayList<>();
  private volatile Leadership current;

  @Override
  public void elected(Leadership leadership) {
    elected.add(leadership);
    current = leadership;
  }

  @Override
  public void deposed(String reason) {
    deposed.add(reason);
    current = null;
  }

  Optional<Leadership> current() {
    return Optional.ofNullable(current);
  }

  boolean isLeading() {
    return current != null;
  }
}
