package io.drover.agent.update;

import static io.drover.agent.update.Updates.key;
import static io.drover.agent.update.Updates.update;
import static io.drover.core.TaskState.TASK_FINISHED;
import static io.drover.core.TaskState.TASK_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.net.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which updates are due when: pure decisions on given instants. */
class UpdateStreamsTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private final UpdateStreams streams = new UpdateStreams(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

  @BeforeEach
  void registered() {
    streams.resume();
  }

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  @Test
  void theHeadIsResentWithExponentialBackoffUpToTheMaximum() {
    StatusUpdate running = update("t1", TASK_RUNNING, "u1");
    streams.append(running);

    assertThat(streams.due(at(0))).containsExactly(running);
    assertThat(streams.due(at(0.999))).isEmpty();
    assertThat(streams.nextDue(at(0.999))).contains(at(1));
    assertThat(streams.due(at(1))).containsExactly(running);
    assertThat(streams.due(at(2.9))).isEmpty();
    assertThat(streams.due(at(3))).containsExactly(running);
    assertThat(streams.due(at(7))).containsExactly(running);
    assertThat(streams.due(at(15))).containsExactly(running);
    // Capped at 8 s from here on.
    assertThat(streams.nextDue(at(15))).contains(at(23));
    assertThat(streams.due(at(23))).containsExactly(running);
  }

  @Test
  void anAcknowledgedHeadMakesTheNextUpdateDueAtOnceInOrder() {
    StatusUpdate running = update("t1", TASK_RUNNING, "u1");
    StatusUpdate finished = update("t1", TASK_FINISHED, "u2");
    streams.append(running);
    streams.append(finished);

    assertThat(streams.due(at(0))).containsExactly(running);
    assertThat(streams.due(at(5))).containsExactly(running);
    assertThat(streams.acknowledge(key("t1"), "u1")).isEqualTo(new Acknowledgement.Accepted(running, false));
    assertThat(streams.due(at(5))).containsExactly(finished);
    assertThat(streams.acknowledge(key("t1"), "u2")).isEqualTo(new Acknowledgement.Accepted(finished, true));
    assertThat(streams.due(at(100))).isEmpty();
    assertThat(streams.nextDue(at(100))).isEmpty();
    assertThat(streams.latestState(key("t1"))).isEmpty();
  }

  @Test
  void anAcknowledgementOfAnythingButTheHeadIsIgnoredWithAReason() {
    streams.append(update("t1", TASK_RUNNING, "u1"));
    streams.append(update("t1", TASK_FINISHED, "u2"));

    assertThat(streams.acknowledge(key("t1"), "u2")).isInstanceOfSatisfying(Acknowledgement.Ignored.class, i -> assertThat(i.reason()).contains("u2", "u1"));
    assertThat(streams.acknowledge(key("t9"), "u1")).isInstanceOfSatisfying(Acknowledgement.Ignored.class, i -> assertThat(i.reason()).contains("t9"));
    assertThat(streams.pending(key("t1"))).hasSize(2);
  }

  @Test
  void streamsDoNotWaitForEachOther() {
    StatusUpdate a = update("a", TASK_RUNNING, "ua");
    StatusUpdate b = update("b", TASK_RUNNING, "ub");
    streams.append(a);
    streams.due(at(0));
    streams.append(b);

    assertThat(streams.due(at(0.5))).containsExactly(b);
    assertThat(streams.due(at(1))).containsExactly(a);
  }

  @Test
  void nothingIsDueWhilePausedAndResumingSendsEveryHeadAtOnce() {
    StatusUpdate running = update("t1", TASK_RUNNING, "u1");
    streams.append(running);
    streams.due(at(0));
    streams.due(at(1));
    streams.pause();

    assertThat(streams.due(at(60))).isEmpty();
    assertThat(streams.nextDue(at(60))).isEmpty();

    streams.resume();
    assertThat(streams.due(at(60))).containsExactly(running);
    assertThat(streams.nextDue(at(60))).contains(at(61));
  }

  @Test
  void aStreamTakesNothingAfterItsTerminalUpdate() {
    streams.append(update("t1", TASK_FINISHED, "u1"));

    assertThatThrownBy(() -> streams.append(update("t1", TASK_RUNNING, "u2"))).hasMessageContaining("terminal");
  }

  @Test
  void aRestoredStreamResendsOnlyWhatWasNotAcknowledged() {
    StatusUpdate running = update("t1", TASK_RUNNING, "u1");
    StatusUpdate finished = update("t1", TASK_FINISHED, "u2");

    streams.restore(key("t1"), List.of(running, finished), 1);
    streams.restore(key("t2"), List.of(update("t2", TASK_FINISHED, "u3")), 1);

    assertThat(streams.due(at(0))).containsExactly(finished);
    assertThat(streams.latestState(key("t1"))).contains(TASK_FINISHED);
    assertThat(streams.latestState(key("t2"))).isEmpty();
  }

  @Test
  void aDroppedStreamIsNotDelivered() {
    streams.append(update("t1", TASK_RUNNING, "u1"));
    streams.drop(key("t1"));

    assertThat(streams.due(at(0))).isEmpty();
  }
}
