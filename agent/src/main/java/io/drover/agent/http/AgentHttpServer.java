package io.drover.agent.http;

import io.drover.agent.AgentState;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.sandbox.SandboxFiles;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The agent's HTTP API on the Dropwizard stack (Jetty, Jersey, Jackson), built in code rather than from
 * a YAML file: {@code /files/*}, {@code /state} and {@code /health} on one connector, Dropwizard's admin
 * servlets under {@code /admin}.
 */
public final class AgentHttpServer implements AutoCloseable {
  private final Server server;

  /** @param usage what a container uses now (the containerizer's {@code usage}) */
  public AgentHttpServer(String bindHost, int port, SandboxFiles files, Supplier<AgentState> state, Function<ContainerId, Optional<ResourceUsage>> usage) {
    Environment environment = new Environment("drover-agent");
    environment.jersey().register(new FilesResource(files));
    environment.jersey().register(new StateResource(state, usage));
    environment.jersey().register(new HealthResource(state));
    environment.healthChecks().register("sandboxes", new SandboxesHealthCheck(files));
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost(bindHost);
    connector.setPort(port);
    SimpleServerFactory factory = new SimpleServerFactory();
    factory.setConnector(connector);
    factory.setApplicationContextPath("/");
    factory.setAdminContextPath("/admin");
    LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
    requestLog.setAppenders(List.of());
    factory.setRequestLogFactory(requestLog);
    this.server = factory.build(environment);
  }

  /** Starts serving; returns the bound port (useful when asked for port 0). */
  public int start() throws Exception {
    server.start();
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
