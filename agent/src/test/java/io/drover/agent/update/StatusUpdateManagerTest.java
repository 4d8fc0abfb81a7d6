package io.drover.agent.update;

import static io.drover.agent.update.Updates.FRAMEWORK;
import static io.drover.agent.update.Updates.key;
import static io.drover.agent.update.Updates.status;
import static io.drover.core.TaskState.TASK_FINISHED;
import static io.drover.core.TaskState.TASK_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testing.FakeClock;
import io.drover.protocol.net.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reliable delivery with a fake clock and real checkpoint files. */
class StatusUpdateManagerTest {
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final List<StatusUpdate> sent = new ArrayList<>();

  private StatusUpdateManager manager() {
    StatusUpdateManager m = new StatusUpdateManager(k -> dir.resolve(k.taskId().value()).resolve("updates"), new UpdateStreams(BACKOFF), clock, sent::add);
    m.resume();
    return m;
  }

  @Test
  void retriesWithBackoffUntilAcknowledged() throws Exception {
    StatusUpdateManager manager = manager();
    StatusUpdate running = manager.update(FRAMEWORK, status("t1", TASK_RUNNING));

    assertThat(running.status().uuid()).isPresent();
    assertThat(manager.flush()).contains(clock.instant().plusSeconds(1));
    clock.advance(Duration.ofMillis(999));
    manager.flush();
    assertThat(sent).containsExactly(running);
    clock.advance(Duration.ofMillis(1));
    assertThat(manager.flush()).contains(clock.instant().plusSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    manager.flush();
    assertThat(sent).containsExactly(running, running, running);

    assertThat(manager.acknowledge(key("t1"), running.uuid())).isInstanceOf(Acknowledgement.Accepted.class);
    clock.advance(Duration.ofMinutes(10));
    assertThat(manager.flush()).isEmpty();
    assertThat(sent).hasSize(3);
  }

  @Test
  void everyUpdateGetsAFreshUuidAndKeepsItsOrder() throws Exception {
    StatusUpdateManager manager = manager();
    StatusUpdate running = manager.update(FRAMEWORK, status("t1", TASK_RUNNING));
    StatusUpdate finished = manager.update(FRAMEWORK, status("t1", TASK_FINISHED));
    assertThat(running.uuid()).isNotEqualTo(finished.uuid());

    manager.flush();
    manager.acknowledge(key("t1"), running.uuid());
    manager.flush();

    assertThat(sent).containsExactly(running, finished);
  }

  @Test
  void aRestartedManagerResendsOnlyWhatWasNotAcknowledged() throws Exception {
    StatusUpdateManager first = manager();
    StatusUpdate running = first.update(FRAMEWORK, status("t1", TASK_RUNNING));
    first.flush();
    first.acknowledge(key("t1"), running.uuid());
    StatusUpdate finished = first.update(FRAMEWORK, status("t1", TASK_FINISHED));
    first.flush();
    sent.clear();

    StatusUpdateManager second = manager();
    assertThat(second.recover(key("t1"))).containsExactly(running, finished);
    assertThat(second.latestState(key("t1"))).contains(TASK_FINISHED);
    second.flush();
    assertThat(sent).containsExactly(finished);

    assertThat(second.acknowledge(key("t1"), finished.uuid())).isEqualTo(new Acknowledgement.Accepted(finished, true));
    sent.clear();
    StatusUpdateManager third = manager();
    third.recover(key("t1"));
    assertThat(third.flush()).isEmpty();
    assertThat(sent).isEmpty();
    assertThat(third.latestState(key("t1"))).isEmpty();
  }

  @Test
  void aTornLastLineOfTheLogIsIgnored() throws Exception {
    StatusUpdateManager first = manager();
    StatusUpdate running = first.update(FRAMEWORK, status("t1", TASK_RUNNING));
    Files.writeString(dir.resolve("t1").resolve("updates"), "U CgJ0MRAD", StandardOpenOption.APPEND);

    StatusUpdateManager second = manager();
    assertThat(second.recover(key("t1"))).containsExactly(running);
    second.flush();
    assertThat(sent).containsExactly(running);
  }

  @Test
  void nothingIsSentWhilePaused() throws Exception {
    StatusUpdateManager manager = manager();
    manager.pause();
    manager.update(FRAMEWORK, status("t1", TASK_RUNNING));

    assertThat(manager.flush()).isEmpty();
    assertThat(sent).isEmpty();

    manager.resume();
    manager.flush();
    assertThat(sent).hasSize(1);
  }
}
