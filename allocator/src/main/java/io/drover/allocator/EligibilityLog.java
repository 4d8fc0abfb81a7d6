package io.drover.allocator;

import java.util.ArrayList;
import java.util.List;

/**
 * The frameworks whose eligibility for offers grew (added, activated, revived, given new roles), in order,
 * so that what an agent's {@link RefusalMemo} proved can be brought up to date with only them. Old entries
 * are dropped once the log is long; a memo older than what is kept is discarded by its reader.
 */
final class EligibilityLog {
  private static final int KEEP_AT_MOST = 4096;

  private long base;
  private final List<FrameworkState> grown = new ArrayList<>();

  long version() {
    return base + grown.size();
  }

  void record(FrameworkState framework) {
    grown.add(framework);
  }

  /** What grew since {@code version}, or null if the log no longer reaches back that far. */
  List<FrameworkState> since(long version) {
    if (version < base) {
      return null;
    }
    return version == version() ? List.of() : grown.subList((int) (version - base), grown.size());
  }

  void trim() {
    if (grown.size() > KEEP_AT_MOST) {
      base = version();
      grown.clear();
    }
  }
}
