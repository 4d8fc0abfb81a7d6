package io.drover.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WholeCharactersTest {
  private static final byte[] TEXT = "aé€😀".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 + 4 bytes

  @Test
  void aCharacterCutByTheEndOfAReadIsLeftForTheNext() {
    assertThat(SandboxFiles.wholeCharacters(TEXT, 2)).as("é cut after its first byte").isEqualTo(1);
    assertThat(SandboxFiles.wholeCharacters(TEXT, 5)).as("€ cut after two of three").isEqualTo(3);
    assertThat(SandboxFiles.wholeCharacters(TEXT, 9)).as("😀 cut after three of four").isEqualTo(6);
  }

  @Test
  void wholeCharactersAreKept() {
    assertThat(SandboxFiles.wholeCharacters(TEXT, 1)).isEqualTo(1);
    assertThat(SandboxFiles.wholeCharacters(TEXT, 3)).isEqualTo(3);
    assertThat(SandboxFiles.wholeCharacters(TEXT, 6)).isEqualTo(6);
    assertThat(SandboxFiles.wholeCharacters(TEXT, 10)).isEqualTo(10);
    assertThat(SandboxFiles.wholeCharacters(TEXT, 0)).isZero();
  }
}
