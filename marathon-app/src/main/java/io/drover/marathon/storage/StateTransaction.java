package io.drover.marathon.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.drover.marathon.app.MarathonJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to several nodes that {@link ZooKeeperStateStore#commit} applies all or not at all, fenced on
 * the leader's epoch. Values are serialised and size-checked when added, so an object too large for a
 * node is refused ({@link NodeTooLargeException}) before anything is queued.
 */
public final class StateTransaction {
  private final NodeCodec codec;
  private final List<Change> changes = new ArrayList<>();

  StateTransaction(NodeCodec codec) {
    this.codec = codec;
  }

  /** Creates or replaces {@code path} with {@code value} as Marathon JSON. */
  public StateTransaction put(String path, Object value) {
    try {
      changes.add(new Change.Put(path, codec.encode(path, MarathonJson.mapper().writeValueAsBytes(value))));
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot serialise " + path + ": " + e.getOriginalMessage(), e);
    }
    return this;
  }

  /** Deletes {@code path} if it exists; it must have no children. */
  public StateTransaction remove(String path) {
    changes.add(new Change.Remove(path, false));
    return this;
  }

  /** Deletes {@code path} and everything below it, if it exists. */
  public StateTransaction removeTree(String path) {
    changes.add(new Change.Remove(path, true));
    return this;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  List<Change> changes() {
    return List.copyOf(changes);
  }

  /** One node change; what it turns into depends on what exists when it is committed. */
  sealed interface Change {
    String path();

    record Put(String path, byte[] data) implements Change {}

    record Remove(String path, boolean recursive) implements Change {}
  }
}
