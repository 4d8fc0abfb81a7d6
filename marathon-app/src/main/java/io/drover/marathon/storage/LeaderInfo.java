package io.drover.marathon.storage;

/** The leading marathon-app as published in its ephemeral leader node: where to send API requests. */
public record LeaderInfo(String id, String host, int httpPort, long epoch) {
  /** {@code host:port}, as {@code GET /v2/leader} answers. */
  public String address() {
    return host + ":" + httpPort;
  }
}
