package io.drover.marathon.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * {@code /cluster}: the leading master's {@code /state} and tasks' output files, read through marathon-app
 * so that its clients need neither the master's address nor cross-origin access to agents.
 */
@Path("/cluster")
public final class ClusterResource {
  private final ClusterProxy proxy;

  ClusterResource(ClusterDirectory directory) {
    this.proxy = new ClusterProxy(directory);
  }

  @GET
  @Path("/state")
  public Response state() {
    return Response.ok(proxy.masterState(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("/tasks/{taskId}/files/read")
  public Response read(
      @PathParam("taskId") String taskId,
      @QueryParam("file") @DefaultValue("stdout") String file,
      @QueryParam("offset") @DefaultValue("0") String offset,
      @QueryParam("length") @DefaultValue("65536") String length) {
    long from = number("offset", offset);
    long max = number("length", length);
    if (from < -1 || max < 0) {
      throw ApiException.withMessage(400, "offset must be -1 or more and length 0 or more");
    }
    return Response.ok(proxy.read(taskId, ClusterProxy.SandboxFile.named(file), from, max), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("/tasks/{taskId}/files/download")
  public Response download(@PathParam("taskId") String taskId, @QueryParam("file") @DefaultValue("stdout") String file) {
    ClusterProxy.SandboxFile which = ClusterProxy.SandboxFile.named(file);
    InputStream in = proxy.download(taskId, which);
    StreamingOutput body =
        out -> {
          try (InputStream source = in) {
            source.transferTo(out);
          }
        };
    return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + taskId.replace("\"", "") + "-" + which.fileName + "\"")
        .build();
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.withMessage(400, name + " must be a whole number, not '" + value + "'");
    }
  }
}
