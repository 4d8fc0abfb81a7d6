package io.drover.allocator.sorter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The clients of a sorter by name, in the order they were added. */
final class SorterClients {
  private final Map<String, SorterClient> byName = new LinkedHashMap<>();

  SorterClient add(String name) {
    if (byName.containsKey(name)) {
      throw new IllegalStateException("sorter client '" + name + "' is already added");
    }
    SorterClient client = new SorterClient(name);
    byName.put(name, client);
    return client;
  }

  SorterClient remove(String name) {
    SorterClient client = byName.remove(name);
    if (client == null) {
      throw new IllegalStateException("sorter client '" + name + "' is unknown");
    }
    return client;
  }

  SorterClient get(String name) {
    SorterClient client = byName.get(name);
    if (client == null) {
      throw new IllegalStateException("sorter client '" + name + "' is unknown");
    }
    return client;
  }

  boolean contains(String name) {
    return byName.containsKey(name);
  }

  boolean isEmpty() {
    return byName.isEmpty();
  }

  int size() {
    return byName.size();
  }

  Collection<SorterClient> all() {
    return byName.values();
  }
}
