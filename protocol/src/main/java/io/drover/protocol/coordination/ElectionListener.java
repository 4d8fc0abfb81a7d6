package io.drover.protocol.coordination;

import java.util.function.Consumer;

/** Told when a participant starts and stops leading; calls come one at a time, in order. */
public interface ElectionListener {
  void elected(ElectedTerm term);

  /** Stop acting as the leader at once. */
  void deposed(String reason);

  /** A listener that hands each call to the given functions. */
  static ElectionListener of(Consumer<ElectedTerm> onElected, Consumer<String> onDeposed) {
    return new ElectionListener() {
      @Override
      public void elected(ElectedTerm term) {
        onElected.accept(term);
      }

      @Override
      public void deposed(String reason) {
        onDeposed.accept(reason);
      }
    };
  }
}
