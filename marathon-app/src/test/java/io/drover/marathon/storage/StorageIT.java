package io.drover.marathon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.VersionInfo;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.deployment.DeploymentPlanner;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.testing.Fixtures;
import io.drover.testing.EmbeddedZooKeeper;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageIT {
  private static final Instant V1 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant V2 = Instant.parse("2024-01-02T00:00:00Z");
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;

  private CuratorFramework client;
  private MarathonPaths paths;
  private MarathonStorage storage;

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start();
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  @BeforeEach
  void openStorage() throws Exception {
    client = zooKeeper.newClient();
    paths = new MarathonPaths("/storage-it-" + roots++);
    storage = Terms.openNewTerm(client, paths);
  }

  @AfterEach
  void close() {
    storage.close();
    client.close();
  }

  private static AppDefinition versioned(AppDefinition app, Instant version) {
    return app.withVersion(version, new VersionInfo(version, version));
  }

  private static RootGroup shop(Instant version) throws Exception {
    Group group = MarathonJson.mapper().readValue(Fixtures.text("group-with-dependencies.json"), Group.class);
    RootGroup root = RootGroup.empty().putGroup(group, version).withVersion(version);
    for (AppDefinition app : root.apps()) {
      root = root.putApp(versioned(app, version));
    }
    return root;
  }

  private void change(RootGroup before, RootGroup after) throws Exception {
    StateTransaction transaction = storage.store().transaction();
    storage.groups().stageChange(transaction, before, after);
    storage.store().commit(transaction).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theRootGroupRoundTripsWithAppVersionsAndGroups() throws Exception {
    RootGroup first = shop(V1);
    change(RootGroup.empty(), first);
    AppDefinition scaled = versioned(first.app(PathId.of("shop", "api")).orElseThrow().withInstances(5), V2);
    RootGroup second = first.putApp(scaled).withVersion(V2);
    change(first, second);

    assertThat(storage.groups().load()).isEqualTo(second);
    assertThat(storage.groups().versions(PathId.of("shop", "api"))).containsExactly(V2, V1);
    assertThat(storage.groups().version(PathId.of("shop", "api"), V1).orElseThrow().instances()).isEqualTo(2);
    assertThat(storage.groups().versions(PathId.of("shop", "db"))).containsExactly(V1);
    assertThat(client.checkExists().forPath(paths.apps() + "/shop%2Fapi/2024-01-02T00:00:00.000Z")).isNotNull();
  }

  @Test
  void aRemovedAppKeepsItsHistoryWhileAnOlderRootVersionIsKeptAndAGroupLosesItsNode() throws Exception {
    RootGroup first = shop(V1);
    change(RootGroup.empty(), first);
    RootGroup second = first.removeGroup(PathId.of("shop", "frontend")).withVersion(V2);
    change(first, second);

    PathId web = PathId.of("shop", "frontend", "web");
    assertThat(storage.groups().load()).isEqualTo(second);
    assertThat(client.checkExists().forPath(paths.group(PathId.of("shop", "frontend")))).isNull();
    assertThat(storage.groups().versions(web)).containsExactly(V1);
    assertThat(storage.groups().rootAt(V1, PathId.of("shop")).orElseThrow().toGroup(PathId.of("shop"))).isEqualTo(first.toGroup(PathId.of("shop")));
    assertThat(storage.groups().groupVersions(PathId.of("shop", "frontend"))).containsExactly(V1);
    assertThat(storage.groups().rootAt(V2, PathId.of("shop", "frontend"))).isEmpty();

    RootGroup before = second;
    for (int i = 1; i < GroupRepository.MAX_ROOT_VERSIONS; i++) {
      RootGroup after = before.withVersion(V2.plusSeconds(i));
      change(before, after);
      before = after;
    }
    assertThat(storage.groups().rootVersions()).hasSize(GroupRepository.MAX_ROOT_VERSIONS).doesNotContain(V1);
    assertThat(client.checkExists().forPath(paths.app(web))).isNull();
    assertThat(client.getChildren().forPath(paths.deletedApps())).isEmpty();
    assertThat(storage.groups().load()).isEqualTo(before);
  }

  @Test
  void theStateDirectoriesArePersistentSoThatEmptyingThemDoesNotDeleteThem() throws Exception {
    for (String dir : List.of(paths.apps(), paths.groups(), paths.deployments(), paths.instances(), paths.rootVersions(), paths.deletedApps(), paths.taskFailures())) {
      // ZooKeeper gives containers a marker owner; it deletes them once emptied
      assertThat(client.checkExists().forPath(dir).getEphemeralOwner()).as(dir).isZero();
    }
  }

  @Test
  void aRecreatedAppLosesItsDeletionMarker() throws Exception {
    RootGroup first = shop(V1);
    change(RootGroup.empty(), first);
    PathId db = PathId.of("shop", "db");
    RootGroup second = first.removeApp(db).withVersion(V2);
    change(first, second);
    assertThat(client.getChildren().forPath(paths.deletedApps())).hasSize(1);

    Instant v3 = V2.plusSeconds(1);
    RootGroup third = second.putApp(versioned(first.app(db).orElseThrow(), v3)).withVersion(v3);
    change(second, third);

    assertThat(client.getChildren().forPath(paths.deletedApps())).isEmpty();
    assertThat(storage.groups().load()).isEqualTo(third);
    assertThat(storage.groups().versions(db)).containsExactly(v3, V1);
  }

  @Test
  void onlyTheNewestVersionsAreKept() throws Exception {
    RootGroup before = RootGroup.empty();
    AppDefinition app = AppDefinition.command(PathId.of("busy"), "sleep 1");
    for (int i = 0; i < GroupRepository.MAX_VERSIONS + 3; i++) {
      RootGroup after = before.putApp(versioned(app.withInstances(i), V1.plusSeconds(i)));
      change(before, after);
      before = after;
    }

    List<Instant> versions = storage.groups().versions(PathId.of("busy"));
    assertThat(versions).hasSize(GroupRepository.MAX_VERSIONS);
    assertThat(versions.get(0)).isEqualTo(V1.plusSeconds(GroupRepository.MAX_VERSIONS + 2));
    assertThat(versions).doesNotContain(V1, V1.plusSeconds(2));
  }

  @Test
  void largeNodesAreCompressedAndReadBack() throws Exception {
    Map<String, String> env = new java.util.TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      env.put("VARIABLE_" + i, "a value that repeats itself " + i);
    }
    AppDefinition big = versioned(AppDefinition.builder(PathId.of("big")).cmd("x").env(env).build(), V1);
    change(RootGroup.empty(), RootGroup.empty().putApp(big));

    byte[] raw = client.getData().forPath(paths.appVersion(PathId.of("big"), V1));
    assertThat(raw.length).isLessThan(NodeCodec.DEFAULT_COMPRESS_ABOVE * 4);
    assertThat(MarathonJson.mapper().writeValueAsBytes(big).length).isGreaterThan(NodeCodec.DEFAULT_COMPRESS_ABOVE);
    assertThat(raw[0] & 0xff).isEqualTo(0x1f);
    assertThat(storage.groups().version(PathId.of("big"), V1)).contains(big);

    byte[] small = client.getData().forPath(paths.app(PathId.of("big")));
    assertThat((char) small[0]).isEqualTo('{');
  }

  @Test
  void anObjectTooLargeForANodeIsRefusedBeforeAnythingIsWritten() throws Exception {
    SecureRandom random = new SecureRandom();
    Map<String, String> env = new java.util.TreeMap<>();
    for (int i = 0; i < 1500; i++) {
      byte[] noise = new byte[512];
      random.nextBytes(noise);
      env.put("NOISE_" + i, HexFormat.of().formatHex(noise));
    }
    AppDefinition huge = versioned(AppDefinition.builder(PathId.of("huge")).cmd("x").env(env).build(), V1);
    StateTransaction transaction = storage.store().transaction();

    assertThatThrownBy(() -> storage.groups().stageChange(transaction, RootGroup.empty(), RootGroup.empty().putApp(huge)))
        .isInstanceOf(NodeTooLargeException.class)
        .hasMessageContaining("more than the " + NodeCodec.DEFAULT_MAX_NODE_BYTES + " bytes");
    assertThat(client.checkExists().forPath(paths.app(PathId.of("huge")))).isNull();
  }

  @Test
  void aStaleLeadersWritesAreFencedOut() throws Exception {
    change(RootGroup.empty(), shop(V1));
    MarathonTerm successor = Terms.win(client, paths);
    StateTransaction stale = storage.store().transaction();
    storage.deployments().stagePut(stale, Deployment.starting(DeploymentPlanner.plan("late", RootGroup.empty(), shop(V2), V2)));

    assertThatThrownBy(() -> storage.store().commit(stale).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(FencedOutException.class);
    assertThat(storage.deployments().loadAll()).isEmpty();

    try (MarathonStorage next = MarathonStorage.open(client, paths, successor, NodeCodec.DEFAULT)) {
      next.instances().put("i1", Map.of("state", "running")).get(10, TimeUnit.SECONDS);
      assertThat(next.instances().loadAll(Map.class)).containsKey("i1");
    }
  }

  @Test
  void deploymentsRoundTripWithTheirPlans() throws Exception {
    RootGroup target = shop(V1);
    DeploymentPlan plan = DeploymentPlanner.plan("d-1", RootGroup.empty(), target, V1);
    Deployment deployment = Deployment.starting(plan).withCurrentStep(1);
    StateTransaction transaction = storage.store().transaction();
    storage.deployments().stagePut(transaction, deployment);
    storage.store().commit(transaction).get(10, TimeUnit.SECONDS);

    assertThat(storage.deployments().loadAll()).containsExactly(deployment);

    StateTransaction removal = storage.store().transaction();
    storage.deployments().stageRemove(removal, "d-1");
    storage.store().commit(removal).get(10, TimeUnit.SECONDS);
    assertThat(storage.deployments().loadAll()).isEmpty();
  }

  record TestInstance(String id, String appId, String state) {}

  @Test
  void instancesAndTheFrameworkIdAreStoredOneNodeEach() throws Exception {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      writes.add(storage.instances().put("web.instance-" + i, new TestInstance("web.instance-" + i, "/web", "TASK_RUNNING")));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    storage.instances().remove("web.instance-7").get(10, TimeUnit.SECONDS);
    storage.frameworkId().store("fw-42").get(10, TimeUnit.SECONDS);

    Map<String, TestInstance> instances = storage.instances().loadAll(TestInstance.class);
    assertThat(instances).hasSize(299).doesNotContainKey("web.instance-7");
    assertThat(instances.get("web.instance-8")).isEqualTo(new TestInstance("web.instance-8", "/web", "TASK_RUNNING"));
    assertThat(client.getChildren().forPath(paths.instances())).hasSize(299);
    assertThat(storage.frameworkId().load()).contains("fw-42");
  }
}
