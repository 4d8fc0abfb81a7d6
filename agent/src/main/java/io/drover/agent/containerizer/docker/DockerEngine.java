package io.drover.agent.containerizer.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.drover.agent.containerizer.ResourceUsage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one Docker engine through docker-java (the httpclient5 transport, over the unix
 * socket or TCP). Responses have no time limit, since log streams stay open as long as their containers
 * run; connecting does.
 */
public final class DockerEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Each watched container holds one connection (its log stream); launches, stops and stats take more. */
  private static final int MAX_CONNECTIONS = 2048;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI host;
  private final DockerHttpClient http;
  private final DockerClient client;

  private DockerEngine(URI host, DockerHttpClient http, DockerClient client) {
    this.host = host;
    this.http = http;
    this.client = client;
  }

  /** Sets up the client; nothing is asked of the engine yet. */
  public static DockerEngine connect(URI host) {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host.toString()).withDockerTlsVerify(false).build();
    DockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(CONNECT_TIMEOUT)
            .build();
    return new DockerEngine(host, http, DockerClientImpl.getInstance(config, http));
  }

  public URI host() {
    return host;
  }

  /** The engine's version when it answers; empty (and logged, with why) when it does not. */
  public Optional<String> version() {
    try {
      client.pingCmd().exec();
      return Optional.of(client.versionCmd().exec().getVersion());
    } catch (RuntimeException e) {
      LOG.warn("No Docker engine answers at {}: {}", host, DockerErrors.message(e));
      return Optional.empty();
    }
  }

  DockerClient client() {
    return client;
  }

  /**
   * One sample of a container's statistics. Asked for directly, with {@code one-shot}, because the
   * client's stats command waits for a second sample (a second or more) to compute rates.
   */
  Optional<ResourceUsage> usage(String dockerId) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path("/containers/" + dockerId + "/stats?stream=false&one-shot=true").build();
    try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
      if (response.getStatusCode() != 200) {
        return Optional.empty();
      }
      JsonNode stats = JSON.readTree(body);
      long cpuNanos = stats.path("cpu_stats").path("cpu_usage").path("total_usage").asLong();
      JsonNode memory = stats.path("memory_stats");
      // cgroup v1 reports rss; v2 reports anon; usage includes the page cache.
      long resident = memory.path("stats").path("rss").asLong(memory.path("stats").path("anon").asLong(memory.path("usage").asLong()));
      int processes = stats.path("pids_stats").path("current").asInt();
      return Optional.of(new ResourceUsage(cpuNanos / 1e9, resident, processes));
    } catch (IOException | RuntimeException e) {
      LOG.debug("No statistics for container {}: {}", dockerId, e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.warn("Error while closing the Docker client: {}", e.toString());
    }
  }
}
