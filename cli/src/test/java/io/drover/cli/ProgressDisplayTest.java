package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  @Test
  void aTerminalGetsTheLineRedrawnInPlaceAndOneLineBreakAtTheEnd() {
    StringWriter text = new StringWriter();
    ProgressDisplay display = ProgressDisplay.of(new PrintWriter(text), true);

    display.show("a 0/2");
    display.show("a 0/2");
    display.show("a 2/2");
    display.finish();

    assertThat(text.toString()).isEqualTo("\r\033[2Ka 0/2\r\033[2Ka 2/2" + System.lineSeparator());
  }

  @Test
  void elsewhereEachChangeIsALineOfItsOwn() {
    StringWriter text = new StringWriter();
    ProgressDisplay display = ProgressDisplay.of(new PrintWriter(text), false);

    display.show("a 0/2");
    display.show("a 0/2");
    display.show("a 1/2");
    display.finish();

    assertThat(text.toString().lines()).containsExactly("a 0/2", "a 1/2");
  }
}
