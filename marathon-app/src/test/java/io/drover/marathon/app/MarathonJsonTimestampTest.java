package io.drover.marathon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarathonJsonTimestampTest {
  @Test
  void timestampsAreWrittenInMarathonsFormWithMilliseconds() {
    assertThat(MarathonJson.formatTimestamp(Instant.parse("2030-01-02T03:04:05Z"))).isEqualTo("2030-01-02T03:04:05.000Z");
    assertThat(MarathonJson.formatTimestamp(Instant.parse("1999-12-31T23:59:59.987654321Z"))).isEqualTo("1999-12-31T23:59:59.987Z");
    assertThat(MarathonJson.formatTimestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(MarathonJson.formatTimestamp(Instant.parse("0042-03-04T05:06:07.008Z"))).isEqualTo("0042-03-04T05:06:07.008Z");
  }

  @Test
  void writtenTimestampsReadBack() {
    Instant value = Instant.parse("2026-11-22T23:53:07.123Z");
    assertThat(MarathonJson.parseTimestamp(MarathonJson.formatTimestamp(value))).isEqualTo(value);
  }
}
