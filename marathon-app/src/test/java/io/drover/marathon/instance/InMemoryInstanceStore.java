package io.drover.marathon.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instances kept in memory, with a record of the writes, for tests. */
public final class InMemoryInstanceStore implements InstanceStore {
  private final Map<InstanceId, Instance> stored = new LinkedHashMap<>();
  private final List<String> writes = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized List<Instance> loadAll() {
    return List.copyOf(stored.values());
  }

  @Override
  public synchronized void store(Instance instance) {
    failIfAsked();
    stored.put(instance.id(), instance);
    writes.add("store " + instance.id() + " " + instance.condition());
  }

  @Override
  public synchronized void delete(InstanceId id) {
    failIfAsked();
    stored.remove(id);
    writes.add("delete " + id);
  }

  public synchronized Map<InstanceId, Instance> stored() {
    return Map.copyOf(stored);
  }

  public synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  /** Makes every later write fail, as a storage outage would. */
  public synchronized void failWrites(boolean fail) {
    this.failing = fail;
  }

  private void failIfAsked() {
    if (failing) {
      throw new IllegalStateException("storage unavailable");
    }
  }
}
