package io.drover.protocol.net;

import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.Refused;
import io.drover.protocol.v1.Welcome;

/** Decides whether a peer that said hello is admitted. */
@FunctionalInterface
public interface HandshakePolicy {
  Answer answer(Hello hello);

  /** Admit with a welcome, or refuse with a reason. */
  sealed interface Answer permits Admit, Refuse {}

  record Admit(Welcome welcome) implements Answer {}

  record Refuse(Refused refused) implements Answer {}
}
