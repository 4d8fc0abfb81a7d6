package io.drover.master.http;

import io.drover.http.DropwizardHttpServer;
import io.drover.http.LeaderKnownHealthCheck;
import io.dropwizard.core.setup.Environment;
import java.net.InetSocketAddress;

/** The master's operator HTTP API ({@code /state}, {@code /health}, {@code /metrics}) on Dropwizard's stack. */
public final class OperatorApi implements AutoCloseable {
  private final OperatorView master;
  private DropwizardHttpServer server;

  public OperatorApi(OperatorView master) {
    this.master = master;
  }

  /** Binds and returns the bound address (port 0 picks a free port). */
  public InetSocketAddress start(String host, int port) throws Exception {
    Environment environment = new Environment("drover-master");
    environment.jersey().register(new StateResource(master));
    environment.jersey().register(new HealthResource(master));
    environment.jersey().register(new MetricsResource(master));
    environment.healthChecks().register("leader", new LeaderKnownHealthCheck(() -> master.leader().map(l -> l.id() + " at " + l.host() + ":" + l.httpPort())));
    server = new DropwizardHttpServer(environment, host, port);
    return new InetSocketAddress(host, server.start());
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("the operator API did not stop cleanly", e);
      }
    }
  }
}
