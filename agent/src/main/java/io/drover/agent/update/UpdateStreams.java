package io.drover.agent.update;

import io.drover.protocol.net.Backoff;
import io.drover.core.TaskState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which status updates to send and when, without doing any I/O. Each task has a stream; only
 * the head of a stream is sent, again after each backoff delay until its acknowledgement comes, then
 * the next one at once. Order within a stream is kept; streams do not wait for each other. A stream
 * ends when its terminal update is acknowledged. While paused (the agent is not registered) nothing
 * is due; resuming makes every head due at once with a fresh backoff.
 *
 * <p>Not thread-safe: the agent calls it from its one event thread.
 */
public final class UpdateStreams {
  private final Backoff backoff;
  private final Map<StreamKey, Stream> streams = new LinkedHashMap<>();
  private boolean paused = true;

  public UpdateStreams(Backoff backoff) {
    this.backoff = backoff;
  }

  /**
   * Restores a stream from its checkpoint: every update it holds, of which the first {@code acknowledged}
   * were acknowledged. A stream whose terminal update was acknowledged is not restored.
   */
  public void restore(StreamKey key, List<StatusUpdate> updates, int acknowledged) {
    if (updates.isEmpty() || (acknowledged >= updates.size() && last(updates).status().state().isTerminal())) {
      return;
    }
    Stream s = new Stream(last(updates).status().state());
    s.terminal = s.latest.isTerminal();
    s.pending.addAll(updates.subList(acknowledged, updates.size()));
    streams.put(key, s);
  }

  private static StatusUpdate last(List<StatusUpdate> updates) {
    return updates.get(updates.size() - 1);
  }

  /** Adds an update to its task's stream. A stream takes nothing after its terminal update. */
  public void append(StatusUpdate update) {
    Stream s = streams.computeIfAbsent(update.key(), k -> new Stream(update.status().state()));
    if (s.terminal) {
      throw new IllegalStateException("task " + update.key() + " already has its terminal update (" + s.latest + "); " + update.status().state() + " cannot follow it");
    }
    s.pending.addLast(update);
    s.latest = update.status().state();
    s.terminal = s.latest.isTerminal();
  }

  public Acknowledgement acknowledge(StreamKey key, String uuid) {
    Stream s = streams.get(key);
    if (s == null) {
      return new Acknowledgement.Ignored("task " + key + " has no updates waiting for acknowledgement");
    }
    StatusUpdate head = s.pending.peekFirst();
    if (head == null || !head.uuid().equals(uuid)) {
      return new Acknowledgement.Ignored(
          "update " + uuid + " of task " + key + " is not the one waiting for acknowledgement" + (head == null ? "" : " (" + head.uuid() + ")"));
    }
    s.pending.removeFirst();
    s.attempts = 0;
    s.nextAttempt = null;
    boolean ended = s.pending.isEmpty() && head.status().state().isTerminal();
    if (ended) {
      streams.remove(key);
    }
    return new Acknowledgement.Accepted(head, ended);
  }

  /** The heads due at {@code now}; each is counted as sent and its next attempt set after the backoff. */
  public List<StatusUpdate> due(Instant now) {
    List<StatusUpdate> out = new ArrayList<>();
    if (paused) {
      return out;
    }
    for (Stream s : streams.values()) {
      StatusUpdate head = s.pending.peekFirst();
      if (head != null && (s.nextAttempt == null || !now.isBefore(s.nextAttempt))) {
        s.attempts++;
        s.nextAttempt = now.plus(backoff.ceiling(s.attempts - 1));
        out.add(head);
      }
    }
    return out;
  }

  /** When something is due next ({@code now} or earlier when something is due already); empty when nothing waits. */
  public Optional<Instant> nextDue(Instant now) {
    if (paused) {
      return Optional.empty();
    }
    Instant next = null;
    for (Stream s : streams.values()) {
      if (!s.pending.isEmpty()) {
        Instant at = s.nextAttempt == null ? now : s.nextAttempt;
        next = next == null || at.isBefore(next) ? at : next;
      }
    }
    return Optional.ofNullable(next);
  }

  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
    for (Stream s : streams.values()) {
      s.attempts = 0;
      s.nextAttempt = null;
    }
  }

  /** The state of the task's latest update, acknowledged or not; empty once the stream has ended. */
  public Optional<TaskState> latestState(StreamKey key) {
    Stream s = streams.get(key);
    return s == null ? Optional.empty() : Optional.of(s.latest);
  }

  /** The updates of a stream still waiting for acknowledgement, head first. */
  public List<StatusUpdate> pending(StreamKey key) {
    Stream s = streams.get(key);
    return s == null ? List.of() : List.copyOf(s.pending);
  }

  /** Drops a stream without delivering the rest (its framework was shut down). */
  public void drop(StreamKey key) {
    streams.remove(key);
  }

  private static final class Stream {
    final Deque<StatusUpdate> pending = new ArrayDeque<>();
    TaskState latest;
    boolean terminal;
    int attempts;
    Instant nextAttempt;

    Stream(TaskState latest) {
      this.latest = latest;
    }
  }
}
