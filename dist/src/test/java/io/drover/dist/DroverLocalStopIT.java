package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping {@code drover local} stops its tasks too: nothing it started outlives it. */
@Tag("slow")
class DroverLocalStopIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path work;

  /** Processes whose working directory lies under the cluster's work dir: the tasks, in their sandboxes. */
  private List<Long> tasksUnder(Path dir) {
    Path root = dir.toAbsolutePath();
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(p -> {
            try {
              return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).startsWith(root);
            } catch (IOException | UnsupportedOperationException gone) {
              return false;
            }
          })
          .map(ProcessHandle::pid)
          .toList();
    }
  }

  @Test
  void ctrlCStopsTheTasksWithTheCluster() throws Exception {
    LocalCluster local = LocalCluster.start(work, 1, "cpus:2;mem:1024;disk:1024;ports:[31000-31100]");
    try {
      HttpResponse<String> created =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(local.marathonUrl() + "/v2/apps"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"/sleepers\",\"cmd\":\"sleep 600\",\"cpus\":0.1,\"mem\":16,\"instances\":2}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(60)).until(() -> tasksUnder(work).size() >= 2);
    } finally {
      local.close();
    }

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tasksUnder(work)).as("task processes left running").isEmpty());
  }
}
