package io.drover.allocator;

import io.drover.core.AgentId;
import io.drover.core.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the allocator knows of one agent. Compared by identity: a re-added id is a new agent. */
final class AgentState {
  final AgentId id;
  final Resources total;
  boolean active = true;
  /** Everything held on the agent: by known frameworks (see {@link #held}) and by {@link #unclaimed}. */
  private Resources allocated = Resources.EMPTY;
  private Resources free;
  /** What each known framework holds here, by role. */
  final Map<FrameworkState, Map<String, Resources>> held = new LinkedHashMap<>();
  /** What frameworks the allocator does not know yet hold here (tasks found at recovery), by framework id. */
  final Map<String, Resources> unclaimed = new TreeMap<>();
  final AgentFilters filters = new AgentFilters();
  /** What the last full look at the agent proved about who refuses it; null when nothing is known. */
  RefusalMemo memo;
  private Resources allocatableCheckedFor;
  private boolean allocatable;

  AgentState(AgentId id, Resources total) {
    this.id = id;
    this.total = total;
    this.free = total;
  }

  Resources free() {
    if (free == null) {
      free = total.minus(allocated);
    }
    return free;
  }

  void allocate(Resources resources) {
    allocated = allocated.plus(resources);
    free = null;
  }

  void release(Resources resources) {
    allocated = allocated.minus(resources);
    free = null;
  }

  /**
   * Whether what is free holds at least one of the minimums (anything, if there are none); checked once
   * per change of what is free.
   */
  boolean freeHoldsOneOf(List<Resources> minimums) {
    Resources now = free();
    if (now != allocatableCheckedFor) {
      allocatable = !now.isEmpty() && minimums.isEmpty();
      for (Resources minimum : minimums) {
        if (!now.isEmpty() && now.contains(minimum)) {
          allocatable = true;
          break;
        }
      }
      allocatableCheckedFor = now;
    }
    return allocatable;
  }
}
