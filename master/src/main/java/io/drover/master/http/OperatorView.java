package io.drover.master.http;

import io.drover.core.MasterInfo;
import io.drover.master.metrics.MasterMetrics;
import io.drover.master.view.ClusterState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the operator API reads from the master it runs in. */
public interface OperatorView {
  /** This master, as it publishes itself (epoch of its current term, or 0). */
  MasterInfo self();

  boolean isLeading();

  /** The leading master as known from ZooKeeper, if any. */
  Optional<MasterInfo> leader();

  /** The leader's view of the cluster; fails when this master does not lead. */
  CompletableFuture<ClusterState> state();

  MasterMetrics metrics();
}
