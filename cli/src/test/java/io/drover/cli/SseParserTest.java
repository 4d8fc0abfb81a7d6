package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private static List<ServerSentEvent> parse(String... lines) {
    SseParser parser = new SseParser();
    List<ServerSentEvent> events = new ArrayList<>();
    for (String line : lines) {
      parser.accept(line).ifPresent(events::add);
    }
    return events;
  }

  @Test
  void aBlankLineCompletesAnEventOfItsTypeAndData() {
    assertThat(parse("event: deployment_success", "data: {\"id\":\"d1\"}", "", "event: status_update_event", "data: {}", ""))
        .containsExactly(new ServerSentEvent("deployment_success", "{\"id\":\"d1\"}"), new ServerSentEvent("status_update_event", "{}"));
  }

  @Test
  void keepAliveLinesCommentsAndUnknownFieldsAreSkippedAndDataLinesJoin() {
    assertThat(parse("", "", ": comment", "id: 7", "data:a", "data: b", "")).containsExactly(new ServerSentEvent("message", "a\nb"));
  }

  @Test
  void anEventWithoutDataIsDropped() {
    assertThat(parse("event: nothing", "", "data: x", "")).containsExactly(new ServerSentEvent("message", "x"));
  }
}
