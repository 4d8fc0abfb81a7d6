package io.drover.marathon.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An event on the bus, serialised as Marathon's JSON for {@code /v2/events}: its fields plus {@code
 * eventType} (e.g. {@code deployment_success}) and {@code timestamp}. Records implementing it are the
 * event types; the scheduling side may add its own.
 */
public interface MarathonEvent {
  @JsonProperty("eventType")
  String eventType();

  Instant timestamp();
}
