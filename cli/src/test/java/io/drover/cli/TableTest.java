package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsArePaddedToTheirWidestCellAndNullsShowAsADash() {
    String text = new Table("ID", "STATE", "HOST").row("/web", "RUNNING", "local-1").row("/a-much-longer-id", null, "h").render();

    assertThat(text).isEqualTo(
        "ID                 STATE    HOST\n"
            + "/web               RUNNING  local-1\n"
            + "/a-much-longer-id  -        h\n");
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> new Table("A", "B").row("only one")).hasMessageContaining("2 columns").hasMessageContaining("1 cells");
  }
}
