package io.drover.http;

import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Dropwizard's server stack built in code rather than from YAML, as every Drover process serves HTTP: one
 * connector with the application (the environment's Jersey resources and servlets) at {@code /} and
 * Dropwizard's admin servlets (health checks, metrics, threads) under {@code /admin}. Requests are not
 * logged one by one: the processes log what they decide, not every poll of their APIs.
 */
public final class DropwizardHttpServer implements AutoCloseable {
  private final Server server;

  public DropwizardHttpServer(Environment environment, String bindHost, int port) {
    this(environment, connector(bindHost, port));
  }

  /** With a connector made by {@link #connector} and then adjusted. */
  public DropwizardHttpServer(Environment environment, HttpConnectorFactory connector) {
    SimpleServerFactory factory = new SimpleServerFactory();
    factory.setConnector(connector);
    factory.setApplicationContextPath("/");
    factory.setAdminContextPath("/admin");
    LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
    requestLog.setAppenders(List.of());
    factory.setRequestLogFactory(requestLog);
    this.server = factory.build(environment);
  }

  /** A plain HTTP connector on {@code bindHost:port}. */
  public static HttpConnectorFactory connector(String bindHost, int port) {
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost(bindHost);
    connector.setPort(port);
    return connector;
  }

  /** Starts serving; returns the bound port (the one picked when asked for port 0). */
  public int start() throws Exception {
    server.start();
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
