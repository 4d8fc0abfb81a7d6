package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One entry of {@code networks}: {@code {"mode":"host"}}, {@code {"mode":"container/bridge"}} or {@code {"mode":"container","name":"n"}}. */
public record Network(NetworkMode mode, String name) {
  public static final Network HOST = new Network(NetworkMode.HOST, null);
  public static final Network BRIDGE = new Network(NetworkMode.CONTAINER_BRIDGE, null);

  public Network {
    mode = mode == null ? NetworkMode.CONTAINER : mode;
  }

  /** Marathon's network modes, spelled as in its JSON. */
  public enum NetworkMode {
    HOST("host"),
    CONTAINER_BRIDGE("container/bridge"),
    CONTAINER("container");

    private final String json;

    NetworkMode(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }

    @JsonCreator
    static NetworkMode fromJson(String json) {
      for (NetworkMode mode : values()) {
        if (mode.json.equals(json)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("unknown network mode " + json);
    }
  }
}
