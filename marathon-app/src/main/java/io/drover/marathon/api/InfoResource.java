package io.drover.marathon.api;

import io.drover.marathon.storage.LeaderInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /v2/info}: Marathon's description of the running instance. */
@Path("/v2/info")
@Produces(MediaType.APPLICATION_JSON)
public final class InfoResource {
  private final ServerInfo info;
  private final LeaderControl leadership;
  private final Supplier<Optional<String>> frameworkId;

  public InfoResource(ServerInfo info, LeaderControl leadership, Supplier<Optional<String>> frameworkId) {
    this.info = info;
    this.leadership = leadership;
    this.frameworkId = frameworkId;
  }

  @GET
  public Response info() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", info.name());
    body.put("version", info.version());
    body.put("elected", leadership.isLeader());
    body.put("leader", leadership.leader().map(LeaderInfo::address).orElse(null));
    body.put("frameworkId", frameworkId.get().orElse(null));
    body.put("marathon_config", Map.of("hostname", info.hostname(), "zk", info.zooKeeperUrl()));
    body.put("zookeeper_config", Map.of("zk", info.zooKeeperUrl()));
    body.put("http_config", Map.of("http_port", info.httpPort()));
    return JsonResponses.ok(body);
  }
}
