package io.drover.protocol.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.core.MasterInfo;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON form of {@link MasterInfo} that the leader publishes in ZooKeeper. */
public final class MasterInfoJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private MasterInfoJson() {}

  public static byte[] write(MasterInfo info) {
    try {
      return MAPPER.writeValueAsBytes(info);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MasterInfo read(byte[] json) throws IOException {
    return MAPPER.readValue(json, MasterInfo.class);
  }
}
