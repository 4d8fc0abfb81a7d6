package io.drover.agent.health;

/** One probe's outcome and what it saw, for the status update's message. */
public record ProbeResult(boolean passed, String detail) {
  public static ProbeResult passed(String detail) {
    return new ProbeResult(true, detail);
  }

  public static ProbeResult failed(String detail) {
    return new ProbeResult(false, detail);
  }
}
