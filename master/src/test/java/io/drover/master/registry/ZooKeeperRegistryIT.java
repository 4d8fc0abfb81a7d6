package io.drover.master.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.master.MasterPaths;
import io.drover.master.election.Leadership;
import io.drover.testing.EmbeddedZooKeeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZooKeeperRegistryIT {
  private static final MasterPaths PATHS = new MasterPaths("/drover");

  private EmbeddedZooKeeper zk;
  private CuratorFramework client;
  private Leadership leadership;

  @BeforeEach
  void start() throws Exception {
    zk = EmbeddedZooKeeper.start();
    client = zk.newClient();
    client.create().creatingParentsIfNeeded().forPath(PATHS.epoch(), "1".getBytes(StandardCharsets.UTF_8));
    Stat stat = client.checkExists().forPath(PATHS.epoch());
    leadership = new Leadership(1, stat.getVersion());
  }

  @AfterEach
  void stop() {
    client.close();
    zk.close();
  }

  private static AgentInfo agent(String host) {
    return new AgentInfo(host, 5051, Resources.cpusMem(4, 4096), Attributes.parse("rack:r1"), Set.of("docker"));
  }

  @Test
  void storesAndLoadsAgentsFrameworksAndDeadlines() throws Exception {
    FrameworkInfo web = FrameworkInfo.named("web", "prod").withId(FrameworkId.of("f1")).withFailoverTimeout(Duration.ofMinutes(5));
    Instant deadline = Instant.parse("2030-01-01T00:00:00Z");
    try (ZooKeeperRegistry registry = new ZooKeeperRegistry(client, PATHS, leadership)) {
      assertThat(registry.load().agents()).isEmpty();
      CompletableFuture.allOf(
              registry.putAgent(AgentId.of("a1"), agent("h1")),
              registry.putFramework(web),
              registry.putFailoverDeadline(web.id().orElseThrow(), deadline))
          .get(10, TimeUnit.SECONDS);
    }
    try (ZooKeeperRegistry next = new ZooKeeperRegistry(client, PATHS, leadership)) {
      RegistryContents contents = next.load();
      assertThat(contents.agents()).containsEntry(AgentId.of("a1"), agent("h1"));
      assertThat(contents.frameworks()).containsEntry(FrameworkId.of("f1"), web);
      assertThat(contents.failoverDeadlines()).containsEntry(FrameworkId.of("f1"), deadline);

      next.removeFramework(FrameworkId.of("f1")).get(10, TimeUnit.SECONDS);
      next.removeAgent(AgentId.of("a1")).get(10, TimeUnit.SECONDS);
      assertThat(next.load()).isEqualTo(new RegistryContents(Map.of(), Map.of(), Map.of()));
    }
  }

  @Test
  void aBurstOfWritesLandsInOrderEvenOnTheSameZnode() throws Exception {
    try (ZooKeeperRegistry registry = new ZooKeeperRegistry(client, PATHS, leadership)) {
      registry.load();
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        writes.add(registry.putAgent(AgentId.of("a" + i), agent("h" + i)));
      }
      writes.add(registry.putAgent(AgentId.of("a0"), agent("changed")));
      writes.add(registry.removeAgent(AgentId.of("a1")));
      writes.add(registry.removeAgent(AgentId.of("a2")));
      writes.add(registry.putAgent(AgentId.of("a2"), agent("back")));
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      RegistryContents contents = registry.load();
      assertThat(contents.agents()).hasSize(299);
      assertThat(contents.agents().get(AgentId.of("a0")).hostname()).isEqualTo("changed");
      assertThat(contents.agents()).doesNotContainKey(AgentId.of("a1"));
      assertThat(contents.agents().get(AgentId.of("a2")).hostname()).isEqualTo("back");
    }
  }

  @Test
  void everyWriteFailsOnceTheEpochMovesOn() throws Exception {
    try (ZooKeeperRegistry registry = new ZooKeeperRegistry(client, PATHS, leadership)) {
      registry.load();
      client.setData().forPath(PATHS.epoch(), "2".getBytes(StandardCharsets.UTF_8));
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        writes.add(registry.putAgent(AgentId.of("a" + i), agent("h")));
      }
      for (CompletableFuture<Void> write : writes) {
        assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FencedOutException.class);
      }
      assertThat(client.getChildren().forPath(PATHS.agents())).isEmpty();
    }
  }

  @Test
  void writesAfterCloseFail() {
    ZooKeeperRegistry registry = new ZooKeeperRegistry(client, PATHS, leadership);
    registry.close();
    assertThatThrownBy(() -> registry.putAgent(AgentId.of("a1"), agent("h")).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RegistryException.class)
        .hasMessageContaining("closed");
  }
}
