package io.drover.agent.http;

import io.drover.agent.AgentState;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.sandbox.SandboxFiles;
import io.drover.http.DropwizardHttpServer;
import io.dropwizard.core.setup.Environment;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's HTTP API on the Dropwizard stack (Jetty, Jersey, Jackson), built in code rather than from
 * a YAML file: {@code /files/*}, {@code /state} and {@code /health} on one connector, Dropwizard's admin
 * servlets under {@code /admin}.
 */
public final class AgentHttpServer implements AutoCloseable {
  private final DropwizardHttpServer server;

  /** @param usage what a container uses now (the containerizer's {@code usage}) */
  public AgentHttpServer(String bindHost, int port, SandboxFiles files, Supplier<AgentState> state, Function<ContainerId, Optional<ResourceUsage>> usage) {
    Environment environment = new Environment("drover-agent");
    environment.jersey().register(new FilesResource(files));
    environment.jersey().register(new StateResource(state, usage));
    environment.jersey().register(new HealthResource(state));
    environment.healthChecks().register("sandboxes", new SandboxesHealthCheck(files));
    this.server = new DropwizardHttpServer(environment, bindHost, port);
  }

  /** Starts serving; returns the bound port (useful when asked for port 0). */
  public int start() throws Exception {
    return server.start();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
