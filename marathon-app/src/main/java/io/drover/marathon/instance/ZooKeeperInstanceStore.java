package io.drover.marathon.instance;

import io.drover.marathon.storage.InstanceRepository;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Instances in ZooKeeper, one node each (see {@link InstanceRepository}), in their {@link StoredInstance} form. */
public final class ZooKeeperInstanceStore implements InstanceStore {
  private final InstanceRepository repository;

  public ZooKeeperInstanceStore(InstanceRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Instance> loadAll() {
    return repository.loadAll(StoredInstance.class).values().stream().map(StoredInstance::toInstance).toList();
  }

  @Override
  public void store(Instance instance) {
    await(repository.put(instance.id().value(), StoredInstance.of(instance)));
  }

  /** Sends every write before waiting, so that they can share transactions. */
  @Override
  public void storeAll(List<Instance> instances) {
    await(CompletableFuture.allOf(instances.stream().map(i -> repository.put(i.id().value(), StoredInstance.of(i))).toArray(CompletableFuture[]::new)));
  }

  @Override
  public void delete(InstanceId id) {
    await(repository.remove(id.value()));
  }

  private static void await(CompletableFuture<Void> write) {
    try {
      write.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
