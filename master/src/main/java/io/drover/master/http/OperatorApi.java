package io.drover.master.http;

import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.jackson.JacksonFeature;
import java.net.InetSocketAddress;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** The master's operator HTTP API ({@code /state}, {@code /health}, {@code /metrics}) on Jetty and Jersey. */
public final class OperatorApi implements AutoCloseable {
  private final OperatorView master;
  private Server server;

  public OperatorApi(OperatorView master) {
    this.master = master;
  }

  /** Binds and returns the bound address (port 0 picks a free port). */
  public InetSocketAddress start(String host, int port) throws Exception {
    ResourceConfig resources =
        new ResourceConfig()
            .register(new JacksonFeature(Jackson.newObjectMapper()))
            .register(new StateResource(master))
            .register(new HealthResource(master))
            .register(new MetricsResource(master));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new ServletContainer(resources)), "/*");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    return new InetSocketAddress(host, connector.getLocalPort());
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("the operator API did not stop cleanly", e);
      }
    }
  }
}
