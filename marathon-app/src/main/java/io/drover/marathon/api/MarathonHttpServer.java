package io.drover.marathon.api;

import io.drover.http.DropwizardHttpServer;
import io.drover.http.LeaderKnownHealthCheck;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.portal.Portal;
import io.drover.marathon.storage.LeaderInfo;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.ServletRegistration;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;

/**
 * marathon-app's HTTP API on the Dropwizard stack, built in code: Marathon's {@code /v2} endpoints
 * (apps, groups, deployments, tasks, queue, info, leader, events), the read-only {@code /cluster} proxy,
 * {@code /ping} and {@code /metrics} on one connector; Dropwizard's admin servlets under {@code /admin}. Standbys forward {@code /v2} requests to
 * the leader. The web portal is served under {@code /ui/}. Request bodies are limited to {@code settings.maxBodyBytes()} (413 beyond).
 */
public final class MarathonHttpServer implements AutoCloseable {
  /** Where and how to serve. */
  public record Settings(String bindHost, int port, long maxBodyBytes, ServerInfo info) {
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  }

  /** What the API serves: the wanted state, instance status, events and leadership. */
  public record Services(
      DeploymentManager deployments,
      AppStatusSource status,
      EventBus events,
      InstanceControl instances,
      LeaderControl leadership,
      Supplier<Optional<String>> frameworkId,
      ClusterDirectory cluster,
      Clock clock) {}

  private final DropwizardHttpServer server;
  private final EventStreamServlet eventStreams;

  public MarathonHttpServer(Settings settings, Services services) {
    Environment environment = new Environment("drover-marathon");
    JsonBodies bodies = new JsonBodies(settings.maxBodyBytes());
    ApiMetrics metrics = new ApiMetrics(services.deployments(), services.leadership(), services.events());
    String selfAddress = settings.info().hostname() + ":" + settings.port();
    var jersey = environment.jersey();
    jersey.register(new LeaderProxyFilter(services.leadership(), selfAddress, settings.maxBodyBytes()));
    jersey.register(new BodySizeFilter(settings.maxBodyBytes()));
    jersey.register(new RequestMetricsFilter(metrics));
    jersey.register(new MarathonExceptionMapper());
    AppStatusSource status = new ServicePortStatusSource(services.status(), services.deployments());
    TaskKills kills = new TaskKills(services.deployments(), status, services.instances());
    AppService apps = new AppService(services.deployments(), status);
    jersey.register(new AppsResource(apps, bodies, services.events(), services.clock(), kills));
    jersey.register(new GroupsResource(new GroupService(services.deployments(), apps), bodies));
    jersey.register(new DeploymentsResource(services.deployments()));
    jersey.register(new TasksResource(services.deployments(), status, bodies, kills));
    jersey.register(new QueueResource(services.deployments(), services.instances()));
    jersey.register(new InfoResource(settings.info(), services.leadership(), services.frameworkId()));
    jersey.register(new LeaderResource(services.leadership()));
    jersey.register(new ClusterResource(services.cluster()));
    jersey.register(new PingResource());
    jersey.register(new MetricsResource(metrics));
    eventStreams = new EventStreamServlet(services.events(), services.leadership(), selfAddress, services.clock());
    ServletRegistration.Dynamic events = environment.servlets().addServlet("events", eventStreams);
    events.setAsyncSupported(true);
    events.addMapping("/v2/events");
    Portal.register(environment.servlets());
    environment.healthChecks().register("leader", new LeaderKnownHealthCheck(() -> services.leadership().leader().map(LeaderInfo::address)));

    HttpConnectorFactory connector = DropwizardHttpServer.connector(settings.bindHost(), settings.port());
    // Marathon clients put an app's absolute id after a slash (/v2/apps//prod/web); Marathon's Jetty took it
    connector.setUriCompliance(UriCompliance.DEFAULT.with("marathon-clients", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
    environment.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
    this.server = new DropwizardHttpServer(environment, connector);
  }

  /** Starts serving; returns the bound port (useful when asked for port 0). */
  public int start() throws Exception {
    return server.start();
  }

  @Override
  public void close() throws Exception {
    eventStreams.closeStreams();
    server.close();
  }
}
