package io.drover.marathon.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.drover.marathon.app.MarathonJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;

/** Responses with bodies in Marathon's JSON (the one mapper, whatever Jersey's own is configured to do). */
final class JsonResponses {
  private JsonResponses() {}

  static Response json(int status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(stream(body)).build();
  }

  /** Written straight to the connection: large listings are not built as one string first. */
  private static StreamingOutput stream(Object body) {
    return out -> MarathonJson.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, body);
  }

  static Response ok(Object body) {
    return json(200, body);
  }

  static Response created(URI location, Object body) {
    return Response.created(location).type(MediaType.APPLICATION_JSON_TYPE).entity(stream(body)).build();
  }

  static String write(Object body) {
    try {
      return MarathonJson.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
