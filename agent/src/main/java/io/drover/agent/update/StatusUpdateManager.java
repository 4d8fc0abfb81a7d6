package io.drover.agent.update;

import io.drover.core.FrameworkId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every task's status updates reliably: each update gets a fresh uuid and is synced to its
 * stream's log before it can be sent; {@link UpdateStreams} decides what is due; acknowledgements are
 * logged too, so that a restarted agent re-sends exactly the updates not yet acknowledged.
 *
 * <p>Not thread-safe: the agent calls it from its one event thread and calls {@link #flush} after every
 * event and when the time {@code flush} returned has come.
 */
public final class StatusUpdateManager {
  private static final Logger LOG = LoggerFactory.getLogger(StatusUpdateManager.class);

  private final Function<StreamKey, Path> logFile;
  private final UpdateStreams streams;
  private final Clock clock;
  private final UpdateSender sender;

  /**
   * @param logFile where each stream's log lives (it is deleted with the task's checkpoint once the
   *     stream has ended)
   */
  public StatusUpdateManager(Function<StreamKey, Path> logFile, UpdateStreams streams, Clock clock, UpdateSender sender) {
    this.logFile = logFile;
    this.streams = streams;
    this.clock = clock;
    this.sender = sender;
  }

  /** Reads a stream back from its log; returns what it held. */
  public List<StatusUpdate> recover(StreamKey key) throws IOException {
    UpdateLog.Replayed replayed = UpdateLog.read(logFile.apply(key));
    streams.restore(key, replayed.updates(), replayed.acknowledged());
    return replayed.updates();
  }

  /** Checkpoints a new update of a task (with a fresh uuid) and queues it for delivery. */
  public StatusUpdate update(FrameworkId frameworkId, TaskStatus status) throws IOException {
    StatusUpdate update = new StatusUpdate(frameworkId, status.withUuid(UUID.randomUUID().toString()));
    UpdateLog.appendUpdate(logFile.apply(update.key()), update);
    streams.append(update);
    LOG.info("Task {} is {}{}", update.key(), status.state(), status.message().isEmpty() ? "" : ": " + status.message());
    return update;
  }

  public Acknowledgement acknowledge(StreamKey key, String uuid) throws IOException {
    Acknowledgement ack = streams.acknowledge(key, uuid);
    if (ack instanceof Acknowledgement.Accepted) {
      UpdateLog.appendAcknowledgement(logFile.apply(key), uuid);
    } else if (ack instanceof Acknowledgement.Ignored ignored) {
      LOG.info("Acknowledgement ignored: {}", ignored.reason());
    }
    return ack;
  }

  /** Sends what is due now; returns when to call again (empty: only a new event can make something due). */
  public Optional<Instant> flush() {
    Instant now = clock.instant();
    for (StatusUpdate update : streams.due(now)) {
      sender.send(update);
    }
    return streams.nextDue(now);
  }

  public Optional<TaskState> latestState(StreamKey key) {
    return streams.latestState(key);
  }

  /** Stops sending (the agent lost its master or is not registered). */
  public void pause() {
    streams.pause();
  }

  /** Sends every stream's head again at once, with a fresh backoff (the agent has (re-)registered). */
  public void resume() {
    streams.resume();
  }

  /** Forgets a stream without delivering the rest: its framework is gone. */
  public void drop(StreamKey key) {
    streams.drop(key);
  }
}
