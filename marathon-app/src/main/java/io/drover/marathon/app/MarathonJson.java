package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration for Marathon JSON, used by the API and by storage alike: unknown
 * fields are ignored (definitions written for newer Marathon versions still load), nulls are left
 * out, no scalar is coerced into another type (a string where a number belongs is an error, as in
 * Marathon), and timestamps are ISO-8601 UTC with milliseconds ({@code 2024-05-01T12:00:00.000Z}).
 */
public final class MarathonJson {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = build();

  private MarathonJson() {}

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Formats a timestamp as Marathon does, e.g. for version ids in URLs. */
  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /**
   * Marathon's timestamp form ({@code 2030-01-02T03:04:05.678Z}), written by hand for years 0..9999:
   * the formatter's way costs more than the rest of a large app listing.
   */
  public static String formatTimestamp(Instant value) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return TIMESTAMP.format(value);
    }
    StringBuilder text = new StringBuilder(24);
    pad(text, time.getYear(), 4).append('-');
    pad(text, time.getMonthValue(), 2).append('-');
    pad(text, time.getDayOfMonth(), 2).append('T');
    pad(text, time.getHour(), 2).append(':');
    pad(text, time.getMinute(), 2).append(':');
    pad(text, time.getSecond(), 2).append('.');
    return pad(text, time.getNano() / 1_000_000, 3).append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int digits) {
    String number = Integer.toString(value);
    for (int i = number.length(); i < digits; i++) {
      text.append('0');
    }
    return text.append(number);
  }

  /** Parses a Marathon timestamp (any ISO-8601 offset); throws {@link DateTimeParseException}. */
  public static Instant parseTimestamp(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  private static ObjectMapper build() {
    SimpleModule marathon = new SimpleModule("marathon");
    marathon.addSerializer(Instant.class, new InstantSerializer());
    marathon.addDeserializer(Instant.class, new InstantDeserializer());
    marathon.addKeyDeserializer(PathId.class, new PathIdKeyDeserializer());
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(marathon)
            .build();
    refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float);
    return mapper;
  }

  private static void refuse(JsonMapper mapper, LogicalType target, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
    }
  }

  private static final class PathIdKeyDeserializer extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
      return PathId.parse(key);
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(formatTimestamp(value));
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      try {
        return parseTimestamp(parser.getText());
      } catch (DateTimeParseException e) {
        return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), "not an ISO-8601 timestamp");
      }
    }
  }
}
