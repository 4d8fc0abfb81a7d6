package io.drover.agent.http;

import io.drover.agent.sandbox.SandboxFiles;
import io.drover.agent.sandbox.SandboxPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Mesos's sandbox files API: {@code /files/browse}, {@code /files/read} and {@code /files/download}.
 * Refusals are plain text: 400 for malformed requests, 403 outside a sandbox, 404 for what is missing.
 */
@Path("/files")
public final class FilesResource {
  private final SandboxFiles files;

  public FilesResource(SandboxFiles files) {
    this.files = files;
  }

  @GET
  @Path("/browse")
  @Produces(MediaType.APPLICATION_JSON)
  public Response browse(@QueryParam("path") String path) {
    return serve(path, found -> ok(() -> files.browse(found)));
  }

  @GET
  @Path("/read")
  @Produces(MediaType.APPLICATION_JSON)
  public Response read(@QueryParam("path") String path, @QueryParam("offset") String offset, @QueryParam("length") String length) {
    long from;
    long max;
    try {
      from = offset == null || offset.isBlank() ? 0 : Long.parseLong(offset.strip());
      max = length == null || length.isBlank() ? SandboxFiles.MAX_READ : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return refuse(Response.Status.BAD_REQUEST, "offset and length must be whole numbers");
    }
    return serve(path, found -> ok(() -> files.read(found, from, max)));
  }

  @GET
  @Path("/download")
  public Response download(@QueryParam("path") String path) {
    return serve(
        path,
        found -> {
          InputStream in;
          try {
            in = files.open(found);
          } catch (IllegalArgumentException e) {
            return refuse(Response.Status.BAD_REQUEST, e.getMessage());
          } catch (IOException e) {
            return refuse(Response.Status.NOT_FOUND, e.getMessage());
          }
          StreamingOutput body =
              out -> {
                try (InputStream source = in) {
                  source.transferTo(out);
                }
              };
          String name = found.requested().getFileName().toString().replace("\"", "");
          return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
        });
  }

  private Response serve(String path, Function<SandboxPath.Found, Response> action) {
    SandboxPath resolved = files.resolve(path);
    if (resolved instanceof SandboxPath.Refused refused) {
      Response.Status status =
          switch (refused.problem()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case OUTSIDE_SANDBOX -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
          };
      return refuse(status, refused.reason());
    }
    return action.apply((SandboxPath.Found) resolved);
  }

  private static Response ok(IoSupplier<?> body) {
    try {
      return Response.ok(body.get(), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (IllegalArgumentException e) {
      return refuse(Response.Status.BAD_REQUEST, e.getMessage());
    } catch (IOException e) {
      return refuse(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  private static Response refuse(Response.Status status, String reason) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(reason + "\n").build();
  }

  @FunctionalInterface
  private interface IoSupplier<T> {
    T get() throws IOException;
  }
}
